import type { LoginLimits } from './login-rate-limiter';

/** Session lifetimes and login limits, from the app configuration. */
export interface AuthOptions {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after login, however busy. */
  absoluteMs: number;
  loginLimits: LoginLimits;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
