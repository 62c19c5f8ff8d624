import { HttpErrorResponse } from '@angular/common/http';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { retryAfterMinutes } from '../roles';

/** What to tell someone whose login (or setup) failed: wrong credentials, disabled, rate-limited, … */
export function loginErrorText(err: unknown, now = Date.now()): ErrorText {
  const api = toApiError(err);
  if (api.statusCode === 401)
    return { key: /disabled/i.test(api.message) ? 'auth.disabled' : 'auth.badCredentials', params: {} };
  if (api.statusCode === 403) return { key: 'auth.disabled', params: {} };
  if (api.statusCode === 429) {
    const header = err instanceof HttpErrorResponse ? err.headers.get('Retry-After') : null;
    const minutes = retryAfterMinutes(header, now);
    return minutes === null
      ? { key: 'auth.tooManyNoTime', params: {} }
      : { key: 'auth.tooMany', params: { minutes } };
  }
  return describeApiError(api);
}
