import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { User } from '@jianbao/contracts';
import { provideSignedInAs } from '../../auth/auth-testing';
import { I18n } from '../../shared/i18n/i18n';
import { UserList } from './user-list';

const user = (id: number, username: string, role: User['role'], disabled = false): User => ({
  id,
  username,
  role,
  disabled,
  createdAt: '2024-03-05T08:00:00Z',
  lastLoginAt: null,
});

describe('UserList', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<UserList>;
  const el = () => fixture.nativeElement as HTMLElement;
  const stable = () => fixture.whenStable();

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideSignedInAs('admin')],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(UserList);
    await stable();
    // The signed-in admin is user 1 (see testSession).
    http.expectOne('/api/users').flush([user(1, '测试用户', 'admin'), user(2, '王编辑', 'editor')]);
    await stable();
  });

  afterEach(() => http.verify());

  const row = (name: string) =>
    Array.from(el().querySelectorAll('tbody tr')).find((r) => r.textContent?.includes(name))!;
  const button = (scope: Element, text: string) =>
    Array.from(scope.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)!;
  function set(input: HTMLInputElement | HTMLSelectElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  it('lists users; the admin cannot demote or disable themselves', () => {
    expect(row('测试用户').querySelector('select')!.disabled).toBe(true);
    expect(button(row('测试用户'), '停用')).toBeUndefined();
    expect(row('王编辑').querySelector('select')!.value).toBe('editor');
    expect(row('王编辑').textContent).toContain('正常');
  });

  it('creates a user with a role', async () => {
    button(el(), '新建用户').click();
    await stable();
    set(el().querySelector<HTMLInputElement>('#new-user-username')!, '赵查看');
    set(el().querySelector<HTMLInputElement>('#new-user-password')!, '只读密码-2024');
    set(el().querySelector<HTMLSelectElement>('#new-user-role')!, 'viewer');
    el().querySelector<HTMLButtonElement>('form.create button[type=submit]')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(req.request.body).toEqual({ username: '赵查看', password: '只读密码-2024', role: 'viewer' });
    req.flush(user(3, '赵查看', 'viewer'));
    await stable();
    expect(el().querySelector('[role=status]')?.textContent).toContain('已创建用户“赵查看”。');
    expect(row('赵查看').querySelector('select')!.value).toBe('viewer');
  });

  it('changes a role, disables, and resets a password with PATCH', async () => {
    set(row('王编辑').querySelector('select')!, 'admin');
    let req = http.expectOne({ method: 'PATCH', url: '/api/users/2' });
    expect(req.request.body).toEqual({ role: 'admin' });
    req.flush(user(2, '王编辑', 'admin'));
    await stable();

    button(row('王编辑'), '停用').click();
    req = http.expectOne({ method: 'PATCH', url: '/api/users/2' });
    expect(req.request.body).toEqual({ disabled: true });
    req.flush(user(2, '王编辑', 'admin', true));
    await stable();
    expect(row('王编辑').textContent).toContain('已停用');
    expect(button(row('王编辑'), '启用')).toBeDefined();

    button(row('王编辑'), '重置密码').click();
    await stable();
    set(row('王编辑').querySelector<HTMLInputElement>('input[type=password]')!, '新的密码-2024');
    button(row('王编辑'), '设置密码').click();
    req = http.expectOne({ method: 'PATCH', url: '/api/users/2' });
    expect(req.request.body).toEqual({ password: '新的密码-2024' });
    req.flush(user(2, '王编辑', 'admin', true));
    await stable();
    expect(el().querySelector('[role=status]')?.textContent).toContain('已重置“王编辑”的密码');
  });

  it('shows a refused change and reloads what the server has', async () => {
    set(row('王编辑').querySelector('select')!, 'viewer');
    http
      .expectOne({ method: 'PATCH', url: '/api/users/2' })
      .flush(
        { statusCode: 409, error: 'Conflict', message: '至少需要保留一名管理员' },
        { status: 409, statusText: 'Conflict' },
      );
    http.expectOne('/api/users').flush([user(1, '测试用户', 'admin'), user(2, '王编辑', 'editor')]);
    await stable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('至少需要保留一名管理员');
    expect(row('王编辑').querySelector('select')!.value).toBe('editor');
  });
});
