import { CSRF_COOKIE, SESSION_COOKIE } from './session-tokens';

/** The little of Express's response the auth controller needs. */
export interface CookieResponse {
  cookie(name: string, value: string, options: Record<string, unknown>): unknown;
  clearCookie(name: string, options: Record<string, unknown>): unknown;
}

/** The session cookie (httpOnly) and the CSRF cookie (readable by the app), both SameSite=Strict. */
export function setSessionCookies(
  res: CookieResponse,
  session: { token: string; csrfToken: string },
  secure: boolean,
): void {
  const base = { sameSite: 'strict', path: '/', secure };
  res.cookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: CookieResponse, secure: boolean): void {
  const base = { sameSite: 'strict', path: '/', secure };
  res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, base);
}
