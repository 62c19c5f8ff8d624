import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { testSession } from '../auth-testing';
import { authInterceptor } from '../auth.interceptor';
import { AuthService } from '../auth.service';
import { I18n } from '../../shared/i18n/i18n';
import { Login } from './login';

@Component({ template: '<p>已登录</p>' })
class Target {}

describe('Login', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'login', component: Login },
            { path: 'publications', component: Target },
            { path: '', component: Target },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    harness = await RouterTestingHarness.create('/login?returnUrl=%2Fpublications');
  });

  afterEach(() => http.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  function fill(id: string, value: string): void {
    const input = el().querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  async function submit(): Promise<void> {
    el().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await harness.fixture.whenStable();
  }

  it('asks for both fields before sending anything', async () => {
    await submit();
    expect(el().querySelectorAll('.field-error')).toHaveLength(2);
    http.expectNone('/api/auth/login');
  });

  it('logs in and goes back to the page asked for', async () => {
    fill('login-username', '王编辑');
    fill('login-password', '正确的密码-1');
    await submit();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username: '王编辑', password: '正确的密码-1' });
    req.flush({ token: 't', ...testSession('editor', '王编辑') });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/publications');
    expect(TestBed.inject(AuthService).user()?.username).toBe('王编辑');
  });

  it('shows a wrong password and the wait after too many attempts', async () => {
    fill('login-username', '王编辑');
    fill('login-password', '错误的密码');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid username or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await harness.fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('用户名或密码不正确。');
    expect(el().querySelector<HTMLInputElement>('#login-password')!.value).toBe('');

    fill('login-password', '又一个错误的密码');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many login attempts' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '600' } },
      );
    await harness.fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('登录尝试次数过多，请 10 分钟后再试。');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fpublications');
  });
});
