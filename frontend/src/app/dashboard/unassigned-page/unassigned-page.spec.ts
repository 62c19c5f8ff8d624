import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportBin, Page } from '@jianbao/contracts';
import { testSession } from '../../auth/auth-testing';
import { AuthService } from '../../auth/auth.service';
import { I18n } from '../../shared/i18n/i18n';
import { UnassignedPage } from './unassigned-page';

const bin = (importId: number, extra: Partial<ImportBin> = {}): ImportBin => ({
  importId,
  publicationId: 3,
  publicationName: '济宁日报',
  issueDate: '2024-10-22',
  pageLabel: '2',
  filedAt: '2024-10-22T06:03:09.000Z',
  clippingCount: 8,
  lineCount: 1,
  lines: [
    { line: 0, text: '2024年10月22日 星期二', furniture: true },
    { line: 363, text: '深化移移风易俗 倡树文明新新风', furniture: false },
  ],
  reviewedAt: null,
  reviewedBy: null,
  ...extra,
});

const page = (items: ImportBin[], total = items.length, p = 1): Page<ImportBin> => ({
  items,
  total,
  page: p,
  pageSize: 20,
});

describe('UnassignedPage', () => {
  let fixture: ComponentFixture<UnassignedPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [UnassignedPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    TestBed.inject(AuthService).adoptSession(testSession('editor'));
    fixture = TestBed.createComponent(UnassignedPage);
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const list = (): ReturnType<HttpTestingController['expectOne']> =>
    http.expectOne((r) => r.url === '/api/imports/unassigned');

  it('lists each page with its lines, furniture marked, and links to its issue and its clippings', async () => {
    await fixture.whenStable();
    const req = list();
    expect(req.request.params.get('page')).toBe('1');
    req.flush(page([bin(7)]));
    await fixture.whenStable();
    const section = el.querySelector('[data-import="7"]')!;
    expect(section.querySelector('h2')?.textContent).toContain('济宁日报 2024-10-22 第 2 版');
    expect(section.textContent).toContain('1 行未归类');
    const lines = Array.from(section.querySelectorAll('.lines li'));
    expect(lines.map((l) => l.querySelector('.text')?.textContent)).toEqual([
      '2024年10月22日 星期二',
      '深化移移风易俗 倡树文明新新风',
    ]);
    expect(lines[0]?.textContent).toContain('版面信息');
    expect(lines[1]?.textContent).toContain('第 364 行');
    const links = Array.from(section.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/issues/3/2024-10-22',
      '/clippings?publicationId=3&from=2024-10-22&to=2024-10-22&pageLabel=2',
    ]);
  });

  it('marks a page reviewed, says so, and reads the list and the navigation counts again', async () => {
    await fixture.whenStable();
    list().flush(page([bin(7)]));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="mark-reviewed"]')!.click();
    const mark = http.expectOne('/api/imports/7/unassigned/review');
    expect(mark.request.method).toBe('POST');
    mark.flush(bin(7, { reviewedAt: '2024-10-23T00:00:00.000Z', reviewedBy: '编辑' }));
    list().flush(page([]));
    http.expectOne('/api/dashboard/queues').flush({});
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="unassigned-notice"]')?.textContent).toContain(
      '已将 济宁日报 2024-10-22 第 2 版 的未归类行标记为已查看',
    );
    expect(el.textContent).toContain('没有待查看的未归类行。');
  });

  it('a page reviewed by someone else meanwhile (409) is said in Chinese, and the list is read again', async () => {
    await fixture.whenStable();
    list().flush(page([bin(7)]));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="mark-reviewed"]')!.click();
    http
      .expectOne('/api/imports/7/unassigned/review')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'marked reviewed already' },
        { status: 409, statusText: 'Conflict' },
      );
    list().flush(page([]));
    http.expectOne('/api/dashboard/queues').flush({});
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="unassigned-notice"]')?.textContent).toContain('已被标记为已查看');
    expect(el.textContent).not.toContain('marked reviewed already');
  });

  it('offers "mark reviewed" to editors only: a viewer reads the lines', async () => {
    TestBed.inject(AuthService).adoptSession(testSession('viewer'));
    await fixture.whenStable();
    list().flush(page([bin(7)]));
    await fixture.whenStable();
    expect(el.textContent).toContain('深化移移风易俗 倡树文明新新风');
    expect(el.querySelector('[data-testid="mark-reviewed"]')).toBeNull();
  });

  it('pages through the list', async () => {
    await fixture.whenStable();
    list().flush(page([bin(9)], 41));
    await fixture.whenStable();
    expect(el.querySelector('.pager')?.textContent).toContain('第 1 / 3 页');
    const next = Array.from(el.querySelectorAll<HTMLButtonElement>('.pager button')).find((b) =>
      b.textContent?.includes('下一页'),
    )!;
    next.click();
    const req = list();
    expect(req.request.params.get('page')).toBe('2');
    req.flush(page([bin(8)], 41, 2));
    await fixture.whenStable();
    expect(el.querySelector('[data-import="8"]')).not.toBeNull();
  });
});
