import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { readCookie } from './roles';

/** Readable cookie holding the CSRF token the server expects back in {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'jb_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Calls whose 401 means "not logged in / wrong password", not "session expired". */
const NO_REDIRECT = ['/api/auth/', '/api/health'];

function isApi(url: string): boolean {
  return url.startsWith('/api/') || url === '/api';
}

/**
 * Cookie session for every API call: sends credentials, echoes the CSRF token on state-changing
 * requests, sends the user to the login page when the session is gone (401) and reports a refusal
 * for the user's role (403) to the shell. The error still reaches the caller.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApi(req.url)) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  const document = inject(DOCUMENT);

  let request = req.clone({ withCredentials: true });
  if (!SAFE_METHODS.has(req.method) && !req.headers.has(CSRF_HEADER)) {
    const token = readCookie(document.cookie ?? '', CSRF_COOKIE) ?? auth.csrfToken();
    if (token) request = request.clone({ setHeaders: { [CSRF_HEADER]: token } });
  }

  return next(request).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && !NO_REDIRECT.some((p) => req.url.startsWith(p))) {
        if (err.status === 401) {
          auth.clear();
          const current = router.url;
          if (!current.startsWith('/login') && !current.startsWith('/setup')) {
            void router.navigate(['/login'], { queryParams: { returnUrl: current } });
          }
        } else if (err.status === 403) {
          const body: unknown = err.error;
          const message =
            typeof body === 'object' &&
            body !== null &&
            typeof (body as { message?: unknown }).message === 'string'
              ? (body as { message: string }).message
              : '';
          auth.refuse(message);
        }
      }
      return throwError(() => err);
    }),
  );
};
