import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@jianbao/contracts';
import { AuthService } from './auth.service';

/** Pages for logged-in users: nobody → the setup screen on a fresh install, else the login page. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.loggedIn()) return true;
  if (await auth.refreshSetupRequired()) return router.parseUrl('/setup');
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Pages that need at least `need` (e.g. admin pages); the server refuses anyway. */
export function roleGuard(need: Role): CanActivateFn {
  return (route, state) => {
    const auth = inject(AuthService);
    if (!auth.loggedIn()) return authGuard(route, state);
    if (auth.can(need)) return true;
    auth.refuse('');
    return inject(Router).parseUrl('/');
  };
}

/** The login page: not while setup is still required, nor when already logged in. */
export const loginGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.loggedIn()) return router.parseUrl('/');
  if (await auth.refreshSetupRequired()) return router.parseUrl('/setup');
  return true;
};

/** The one-time setup screen: only while the server says no admin exists yet. */
export const setupGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (await auth.refreshSetupRequired()) return true;
  return router.parseUrl(auth.loggedIn() ? '/' : '/login');
};
