import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { loginErrorText } from './login-error';

function failure(status: number, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    statusText: 'x',
    headers: new HttpHeaders(headers),
    error: { statusCode: status, error: 'x', message: '登录失败' },
  });
}

describe('loginErrorText', () => {
  it('says wrong credentials on 401 and a disabled account on 403', () => {
    expect(loginErrorText(failure(401)).key).toBe('auth.badCredentials');
    expect(loginErrorText(failure(403)).key).toBe('auth.disabled');
    const disabled = new HttpErrorResponse({
      status: 401,
      error: { statusCode: 401, error: 'Unauthorized', message: 'This account is disabled' },
    });
    expect(loginErrorText(disabled).key).toBe('auth.disabled');
  });

  it('says how many minutes to wait on 429 from Retry-After', () => {
    expect(loginErrorText(failure(429, { 'Retry-After': '300' }))).toEqual({
      key: 'auth.tooMany',
      params: { minutes: 5 },
    });
    expect(loginErrorText(failure(429)).key).toBe('auth.tooManyNoTime');
  });

  it('falls back to the general error sentence', () => {
    expect(loginErrorText(failure(0)).key).toBe('error.network');
    expect(loginErrorText(failure(500)).key).toBe('error.server');
  });
});
