import type { Role } from '@jianbao/contracts';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UsersService } from '../users/users.service';
import { type Actor, PUBLIC_KEY, ROLE_KEY, SETUP_KEY } from '../common/access';
import { type AuthenticatedSession, AuthService } from './auth.service';
import { CSRF_HEADER, readBearer, readCookie, SESSION_COOKIE, sameSecret } from './session-tokens';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request as the guard sees it (no @types/express in this workspace). */
export interface AuthRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  user?: Actor;
  /** The session the request was authenticated with, and how. */
  authSession?: AuthenticatedSession & { via: 'cookie' | 'bearer' };
}

/** Default need of a route without `@Roles`: reading needs a viewer, anything else an editor. */
export function defaultRole(method: string): Role {
  return SAFE_METHODS.has(method.toUpperCase()) ? 'viewer' : 'editor';
}

function header(req: AuthRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The global guard: finds the caller from a bearer token or the session cookie, then answers 401 to
 * anonymous callers, 403 to cookie requests changing state without the CSRF token, 403 to a role
 * below the route's need. `@Public()` routes only get the caller when there is one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthRequest>();
    await this.identify(req);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SETUP_KEY, targets) && (await this.users.setupRequired()))
      return true;
    const session = req.authSession;
    if (!session) throw new UnauthorizedException('Log in first');
    if (session.via === 'cookie' && !SAFE_METHODS.has(req.method.toUpperCase())) {
      const sent = header(req, CSRF_HEADER);
      if (!sent || !sameSecret(sent, session.csrfToken))
        throw new ForbiddenException('CSRF token missing or invalid');
    }
    const need =
      this.reflector.getAllAndOverride<Role | undefined>(ROLE_KEY, targets) ?? defaultRole(req.method);
    if (RANK[session.actor.role] < RANK[need])
      throw new ForbiddenException(`This needs the ${need} role (you are ${session.actor.role})`);
    return true;
  }

  /** Bearer first (API clients), then the cookie. An invalid bearer token is not rescued by a cookie. */
  private async identify(req: AuthRequest): Promise<void> {
    const authorization = header(req, 'authorization');
    const bearer = readBearer(authorization);
    const cookie = authorization ? null : readCookie(header(req, 'cookie'), SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) return;
    const session = await this.auth.authenticate(token);
    if (!session) return;
    req.user = session.actor;
    req.authSession = { ...session, via: bearer ? 'bearer' : 'cookie' };
  }
}
