import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Clipping, Page } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { ClippingList } from './clipping-list';

const row = (id: number, title: string | null, body = '正文'): Clipping =>
  ({
    id,
    publicationId: 1,
    publicationName: '济宁日报',
    issueDate: '2024-03-05',
    pageLabel: 'A2',
    kind: 'brief',
    title,
    body,
    status: 'reviewed',
    updatedAt: '2024-03-05T08:00:00.000Z',
  }) as Clipping;

describe('ClippingList', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'clippings', component: ClippingList }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function open(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    http.expectOne('/api/publications').flush([]);
    http.expectOne('/api/tags').flush([]);
    return harness.routeNativeElement!;
  }

  it('loads the page the URL describes and renders rows', async () => {
    const el = await open('/clippings?kind=brief&page=2&q=文明');
    const req = http.expectOne((r) => r.url === '/api/clippings');
    expect(req.request.params.get('kind')).toBe('brief');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('q')).toBe('文明');
    expect(req.request.params.get('sort')).toBe('-issueDate,pageSort');
    const page: Page<Clipping> = {
      items: [
        row(1, '梁山小小明信片倡树大文明'),
        row(2, null, '本报讯 近日梁山县开展志愿服务活动，吸引众多市民参与其中，现场气氛热烈，好评如潮'),
      ],
      total: 52,
      page: 2,
      pageSize: 50,
    };
    req.flush(page);
    await harness.fixture.whenStable();

    const cells = Array.from(el.querySelectorAll('tbody tr')).map((tr) =>
      tr.querySelector('.title-cell')?.textContent?.trim(),
    );
    expect(cells[0]).toBe('梁山小小明信片倡树大文明');
    expect(cells[1]).toMatch(/^本报讯 近日梁山县.*…$/);
    expect(el.textContent).toContain('共 52 条');
    expect(el.textContent).toContain('第 2 / 2 页');
    expect(el.querySelector<HTMLSelectElement>('#f-kind')!.value).toBe('brief');
  });

  it('puts a filter change into the URL and goes back to page 1', async () => {
    const el = await open('/clippings?page=3');
    http.expectOne((r) => r.url === '/api/clippings').flush({ items: [], total: 0, page: 3, pageSize: 50 });
    await harness.fixture.whenStable();

    const kind = el.querySelector<HTMLSelectElement>('#f-kind')!;
    kind.value = 'photo';
    kind.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/clippings?kind=photo');
    const req = http.expectOne((r) => r.url === '/api/clippings');
    expect(req.request.params.get('kind')).toBe('photo');
    expect(req.request.params.get('page')).toBe('1');
    req.flush({ items: [], total: 0, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();
    expect(el.textContent).toContain('没有符合条件的剪报');
  });

  it('sorts by a column header click', async () => {
    const el = await open('/clippings');
    http.expectOne((r) => r.url === '/api/clippings').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();
    el.querySelectorAll<HTMLButtonElement>('button.sort')[0]!.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/clippings?sort=issueDate,pageSort');
    http
      .expectOne((r) => r.url === '/api/clippings' && r.params.get('sort') === 'issueDate,pageSort')
      .flush({
        items: [],
        total: 0,
        page: 1,
        pageSize: 50,
      });
  });

  it('shows an API failure with a retry', async () => {
    const el = await open('/clippings');
    http
      .expectOne((r) => r.url === '/api/clippings')
      .flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'boom' },
        { status: 500, statusText: 'ISE' },
      );
    await harness.fixture.whenStable();
    const alert = el.querySelector('.alert.error')!;
    expect(alert.textContent).toContain('服务器出错（500）');
    alert.querySelector('button')!.click();
    await harness.fixture.whenStable();
    http.expectOne((r) => r.url === '/api/clippings').flush({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});
