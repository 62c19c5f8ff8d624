import type { AuthService } from './auth.service';
import { readBearer, readCookie, SESSION_COOKIE } from './session-tokens';

interface DocsRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface DocsResponse {
  status(code: number): { json(body: unknown): unknown };
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The OpenAPI UI and document are Express routes outside Nest's guards: this middleware asks for a
 * session (any role, bearer or cookie; they only read) so that no route is open but health and login.
 */
export function docsAuthMiddleware(auth: AuthService) {
  return (req: DocsRequest, res: DocsResponse, next: (error?: unknown) => void): void => {
    const authorization = first(req.headers['authorization']);
    const token =
      readBearer(authorization) ??
      (authorization ? null : readCookie(first(req.headers['cookie']), SESSION_COOKIE));
    const answer401 = (): void => {
      res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Log in first' });
    };
    if (!token) {
      answer401();
      return;
    }
    auth.authenticate(token).then(
      (session) => (session ? next() : answer401()),
      (error: unknown) => next(error),
    );
  };
}
