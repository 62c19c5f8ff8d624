import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuditEvent } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { AuditLog } from './audit-log';

const event = (id: number, action: string): AuditEvent => ({
  id,
  at: '2024-03-05T08:00:00Z',
  action,
  actorId: 1,
  actorName: '李馆长',
  targetType: 'user',
  targetId: '2',
  detail: { username: '王读者' },
  ip: '127.0.0.1',
});

describe('AuditLog', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/audit', component: AuditLog }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    harness = await RouterTestingHarness.create('/admin/audit');
  });

  afterEach(() => http.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  const button = (text: string) =>
    Array.from(el().querySelectorAll('button')).find((b) => b.textContent?.trim() === text)!;
  async function answer(query: string, items: AuditEvent[], total: number): Promise<void> {
    const req = http.expectOne((r) => r.url === '/api/audit');
    expect(req.request.params.toString()).toBe(query);
    req.flush({ items, total, page: Number(req.request.params.get('page')), pageSize: 50 });
    await harness.fixture.whenStable();
  }

  it('pages through the log and filters it by action, keeping both in the URL', async () => {
    await answer('page=1&pageSize=50', [event(120, 'login'), event(119, 'user-created')], 120);
    expect(el().querySelectorAll('tbody tr')).toHaveLength(2);
    expect(el().textContent).toContain('第 1 / 3 页，共 120 条');
    const table = el().querySelector('table')!.textContent!;
    expect(table).toContain('新建用户');
    expect(table).toContain('“王读者”');
    expect(table).not.toContain('username:');
    expect(el().querySelector('tbody a')!.textContent).toContain('用户“王读者”');
    expect(button('上一页').disabled).toBe(true);

    button('下一页').click();
    await harness.fixture.whenStable();
    await answer('page=2&pageSize=50', [event(70, 'logout')], 120);
    expect(TestBed.inject(Router).url).toBe('/admin/audit?page=2');

    const input = el().querySelector<HTMLInputElement>('#audit-action')!;
    input.value = 'user-created';
    input.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    await answer('page=1&pageSize=50&action=user-created', [event(119, 'user-created')], 1);
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=user-created');
    expect(el().textContent).toContain('第 1 / 1 页，共 1 条');
  });

  it('shows an error with a way to retry', async () => {
    http
      .expectOne((r) => r.url === '/api/audit')
      .flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'boom' },
        { status: 500, statusText: 'x' },
      );
    await harness.fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('服务器出错（500）');
    button('重新加载').click();
    await answer('page=1&pageSize=50', [], 0);
    expect(el().textContent).toContain('暂无审计记录');
  });
});
