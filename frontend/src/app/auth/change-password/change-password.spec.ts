import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '../../shared/i18n/i18n';
import { ChangePassword } from './change-password';

describe('ChangePassword', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ChangePassword>;
  const el = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function fill(current: string, next: string, repeat: string): void {
    for (const [id, value] of [
      ['pw-current', current],
      ['pw-new', next],
      ['pw-repeat', repeat],
    ] as const) {
      const input = el().querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }
  async function submit(): Promise<void> {
    el().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  }

  it('checks the repeat locally, then sends the change', async () => {
    fill('旧密码-2024', '新密码-2025', '新密码-2026');
    await submit();
    http.expectNone('/api/auth/password');
    expect(el().querySelector('[role=alert]')?.textContent).toContain('两次输入的密码不一致。');

    fill('旧密码-2024', '新密码-2025', '新密码-2025');
    await submit();
    const req = http.expectOne('/api/auth/password');
    expect(req.request.body).toEqual({ currentPassword: '旧密码-2024', newPassword: '新密码-2025' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(el().querySelector('[role=status]')?.textContent).toContain('密码已修改。');
  });

  it('tells a wrong current password apart from a weak new one', async () => {
    fill('猜的密码', '新密码-2025', '新密码-2025');
    await submit();
    http
      .expectOne('/api/auth/password')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'The current password is wrong' },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('当前密码不正确。');

    fill('旧密码-2024', '短', '短');
    await submit();
    http.expectOne('/api/auth/password').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [
          {
            field: 'newPassword',
            errors: ['newPassword must be longer than or equal to 8 characters'],
            constraints: [{ constraint: 'minLength', min: 8 }],
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const alert = el().querySelector('[role=alert]')?.textContent ?? '';
    expect(alert).not.toContain('当前密码不正确。');
    expect(alert).toContain('新密码至少需要 8 个字符。');
    expect(alert).not.toContain('newPassword must be');
  });
});
