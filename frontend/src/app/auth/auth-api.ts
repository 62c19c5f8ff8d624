import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordBody, Health, LoginBody, LoginResult, SessionInfo } from '@jianbao/contracts';
import type { Observable } from 'rxjs';

/** Typed calls of `/api/auth` (and the public health check, for `setupRequired`). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  health(): Observable<Health> {
    return this.http.get<Health>('/api/health');
  }

  me(): Observable<SessionInfo> {
    return this.http.get<SessionInfo>('/api/auth/me');
  }

  login(body: LoginBody): Observable<LoginResult> {
    return this.http.post<LoginResult>('/api/auth/login', body);
  }

  setup(body: LoginBody): Observable<LoginResult> {
    return this.http.post<LoginResult>('/api/auth/setup', body);
  }

  logout(): Observable<unknown> {
    return this.http.post('/api/auth/logout', {});
  }

  changePassword(body: ChangePasswordBody): Observable<unknown> {
    return this.http.post('/api/auth/password', body);
  }
}
