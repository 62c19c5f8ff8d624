import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

@Component({ template: '' })
class Blank {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let ctl: HttpTestingController;

  beforeEach(() => {
    document.cookie = 'jb_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'clippings', component: Blank },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    ctl = TestBed.inject(HttpTestingController);
  });

  afterEach(() => ctl.verify());

  it('sends credentials, and the CSRF cookie as a header on writes only', () => {
    document.cookie = 'jb_csrf=tok-1; path=/';
    http.get('/api/clippings').subscribe();
    http.patch('/api/clippings/1', { title: '新标题' }).subscribe();
    const get = ctl.expectOne((r) => r.method === 'GET');
    const patch = ctl.expectOne((r) => r.method === 'PATCH');
    expect(get.request.withCredentials).toBe(true);
    expect(get.request.headers.has('X-CSRF-Token')).toBe(false);
    expect(patch.request.headers.get('X-CSRF-Token')).toBe('tok-1');
    get.flush([]);
    patch.flush({});
  });

  it('falls back to the session token from login when the cookie is not readable', async () => {
    const auth = TestBed.inject(AuthService);
    const login = firstValueFrom(auth.login({ username: '张三', password: '密码123456' }));
    ctl.expectOne('/api/auth/login').flush({
      token: 'bearer',
      csrfToken: 'from-login',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { id: 2, username: '张三', role: 'editor', disabled: false, createdAt: '', lastLoginAt: null },
    });
    await login;
    http.delete('/api/tags/3').subscribe();
    const req = ctl.expectOne('/api/tags/3');
    expect(req.request.headers.get('X-CSRF-Token')).toBe('from-login');
    req.flush(null);
  });

  it('sends the user to the login page with a returnUrl on 401', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/clippings');
    const failed = firstValueFrom(http.get('/api/clippings')).catch((e: unknown) => e);
    ctl.expectOne('/api/clippings').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await failed;
    await new Promise((r) => setTimeout(r));
    expect(router.url).toBe('/login?returnUrl=%2Fclippings');
  });

  it('does not redirect when the login itself answers 401, and reports a 403 to the shell', async () => {
    const router = TestBed.inject(Router);
    const auth = TestBed.inject(AuthService);
    const login = firstValueFrom(http.post('/api/auth/login', {})).catch((e: unknown) => e);
    ctl.expectOne('/api/auth/login').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await login;
    expect(router.url).toBe('/');

    const write = firstValueFrom(http.post('/api/publications', {})).catch((e: unknown) => e);
    ctl
      .expectOne('/api/publications')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: '需要管理员' },
        { status: 403, statusText: 'Forbidden' },
      );
    await write;
    expect(auth.forbidden()).toBe('需要管理员');
  });

  it('leaves other origins alone', () => {
    http.get('https://example.org/x').subscribe();
    const req = ctl.expectOne('https://example.org/x');
    expect(req.request.withCredentials).toBe(false);
    req.flush({});
  });
});
