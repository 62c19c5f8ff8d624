import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@jianbao/contracts';

/** Metadata key of {@link Roles}. */
export const ROLE_KEY = 'jianbao:role';
/** Metadata key of {@link Public}. */
export const PUBLIC_KEY = 'jianbao:public';

/**
 * The least role a route needs. Without it the guard's default applies: `viewer` for GET/HEAD,
 * `editor` for every other method. Admin-only routes say `@Roles('admin')`.
 */
export const Roles = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(ROLE_KEY, role);

/** A route anyone may call (only health and login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Metadata key of {@link SetupRoute}. */
export const SETUP_KEY = 'jianbao:setup';

/** The one-time setup route: public while no admin exists, afterwards an admin route (use with `@Roles('admin')`). */
export const SetupRoute = (): MethodDecorator => SetMetadata(SETUP_KEY, true);

/** Who is making the request (set by the auth guard); null only on public routes. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
}

/** The request's {@link Actor}, or null when nobody is logged in. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | null => {
  const request = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  return request.user ?? null;
});
