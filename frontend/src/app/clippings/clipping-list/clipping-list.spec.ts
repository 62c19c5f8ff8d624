import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  ClippingFacets,
  ClippingListItem,
  ClippingListPage,
  CountedPage,
  StoryMark,
} from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { ClippingList } from './clipping-list';
import { provideSignedInAs } from '../../auth/auth-testing';
import { sampleListItem } from '../clipping-testing';

const row = (
  id: number,
  title: string | null,
  excerpt = '正文',
  extra: Partial<ClippingListItem> = {},
): ClippingListItem => sampleListItem({ id, title, excerpt, kind: 'brief', status: 'reviewed', ...extra });

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
        provideSignedInAs('editor'),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    harness = await RouterTestingHarness.create();
  });

  const NO_FACETS = {
    counted: 0,
    approximate: false,
    publication: [],
    kind: [],
    status: [],
    year: [],
    tag: [],
    region: [],
  };

  afterEach(() => {
    // The facet sidebar asks for counts whenever the filters change; tests that do not look at it let them go.
    for (const req of http.match((r) => r.url === '/api/search/facets')) {
      if (!req.cancelled) req.flush(NO_FACETS);
    }
    // The rows' same-story marks follow each page shown; tests that do not look at them answer none.
    for (const req of http.match((r) => r.url === '/api/stories/marks')) {
      if (!req.cancelled) req.flush([]);
    }
    http.verify();
  });

  async function open(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    http.expectOne('/api/publications').flush([]);
    http.expectOne('/api/tags').flush([]);
    // Arriving at the list refreshes the saved views' counts.
    http.expectOne('/api/saved-views').flush([]);
    return harness.routeNativeElement!;
  }

  it('loads the page the URL describes and renders rows', async () => {
    const el = await open('/clippings?kind=brief&page=2&q=文明');
    const req = http.expectOne((r) => r.url === '/api/clippings');
    expect(req.request.params.get('kind')).toBe('brief');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('q')).toBe('文明');
    // With q and no sort asked for: by relevance.
    expect(req.request.params.get('sort')).toBe('relevance');
    const page: ClippingListPage = {
      totalExact: true,
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

  it('shows a count that stopped as "10,000+" and pages only through the clippings it reaches', async () => {
    const el = await open('/clippings?page=500&pageSize=20');
    const page: CountedPage<ClippingListItem> = {
      items: [row(1, '甲')],
      total: 10_001,
      totalExact: false,
      page: 500,
      pageSize: 20,
    };
    http.expectOne((r) => r.url === '/api/clippings').flush(page);
    await harness.fixture.whenStable();
    expect(el.textContent).toContain('共 10,000+ 条');
    expect(el.querySelector('.page-header .muted')?.getAttribute('title')).toBe(
      '只统计到前 10,000 条：缩小筛选范围可得到确切条数，也只能翻到这里',
    );
    expect(el.textContent).toContain('第 500 / 500 页');
    const next = Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      b.textContent?.includes('下一页'),
    );
    expect(next?.disabled).toBe(true);
  });

  it('marks each row with its tags, regions and continuation state', async () => {
    const el = await open('/clippings');
    const ref = { page: '1', label: 'A', marker: '（上接1版A）' };
    const region = (code: string, name: string) => ({
      code,
      name,
      level: 'county' as const,
      path: ['山东省', '济宁市', name],
      source: 'rule' as const,
    });
    http
      .expectOne((r) => r.url === '/api/clippings')
      .flush({
        items: [
          row(1, '有标签', '正文', {
            tags: [1, 2, 3, 4].map((id) => ({
              id,
              name: `标签${id}`,
              color: null,
              source: 'manual' as const,
            })),
            regions: [region('370832', '梁山县')],
            articleId: 3,
            continuesFrom: ref,
            previousPartId: 9,
          }),
          row(2, '待续', '正文', { continuesFrom: ref }),
          row(3, '无标记'),
        ],
        total: 3,
        page: 1,
        pageSize: 50,
      });
    await harness.fixture.whenStable();
    const marks = Array.from(el.querySelectorAll('[data-testid="row-marks"]')).map((m) =>
      Array.from(m.querySelectorAll('.chip')).map((c) => c.textContent?.trim()),
    );
    expect(marks).toEqual([['续篇', '标签1', '标签2', '标签3', '+1', '梁山县'], ['待续'], []]);
    expect(el.querySelector('.chip.region')?.getAttribute('title')).toBe('山东省 › 济宁市 › 梁山县');
  });

  const pageOf = (ids: number[], page = 1): ClippingListPage => ({
    totalExact: true,
    items: ids.map((id) => row(id, `稿件${id}`)),
    total: 100,
    page,
    pageSize: 2,
  });
  const mark = (clippingId: number, extra: Partial<StoryMark> = {}): StoryMark => ({
    clippingId,
    groupId: 7,
    status: 'proposed',
    texts: 3,
    main: false,
    ...extra,
  });
  const storyChips = (el: HTMLElement): { text: string; title: string | null; href: string | null }[] =>
    Array.from(el.querySelectorAll<HTMLAnchorElement>('[data-testid="story-mark"]')).map((a) => ({
      text: a.textContent?.trim() ?? '',
      title: a.getAttribute('title'),
      href: a.getAttribute('href'),
    }));

  it('asks for the same-story marks of the rows shown once they are in, and links each chip to its group', async () => {
    const el = await open('/clippings?pageSize=2');
    http.expectOne((r) => r.url === '/api/clippings').flush({ ...pageOf([11, 12, 13]), pageSize: 3 });
    await harness.fixture.whenStable();
    // The rows are shown before the marks answer.
    expect(el.querySelectorAll('tbody tr')).toHaveLength(3);
    const req = http.expectOne((r) => r.url === '/api/stories/marks');
    expect(req.request.params.get('ids')).toBe('11,12,13');
    req.flush([
      mark(11, { main: true }),
      mark(13, { groupId: 8, status: 'confirmed', texts: 2 }),
      // A clipping that is not a row of this page is not marked.
      mark(99),
    ]);
    await harness.fixture.whenStable();
    expect(storyChips(el)).toEqual([
      {
        text: '疑似同稿 3',
        title: '疑似与另外 2 篇稿件是同一通稿（待审核）。点击打开逐字对照审核。本篇是这一组的主稿。',
        href: '/stories/7',
      },
      {
        text: '同稿 2',
        title: '与另外 1 篇稿件是同一通稿（编辑已确认）。点击打开逐字对照。',
        href: '/stories/8',
      },
    ]);
    const rows = Array.from(el.querySelectorAll('tbody tr'));
    expect(rows[1]!.querySelector('[data-testid="story-mark"]')).toBeNull();
    expect(rows[0]!.querySelector('.chip.story.proposed')).not.toBeNull();
    expect(rows[2]!.querySelector('.chip.story.confirmed')).not.toBeNull();

    TestBed.inject(I18n).setLang('en');
    await harness.fixture.whenStable();
    expect(storyChips(el).map((c) => c.text)).toEqual(['Same story? 3', 'Same story 2']);
  });

  it('drops the marks of a page no longer shown: the older request is cancelled, the newer one answers', async () => {
    const el = await open('/clippings?pageSize=2');
    http.expectOne((r) => r.url === '/api/clippings').flush(pageOf([1, 2]));
    await harness.fixture.whenStable();
    const first = http.expectOne((r) => r.url === '/api/stories/marks');
    expect(first.request.params.get('ids')).toBe('1,2');

    // Page 2 arrives before page 1's marks do.
    await TestBed.inject(Router).navigateByUrl('/clippings?pageSize=2&page=2');
    http.expectOne((r) => r.url === '/api/clippings').flush(pageOf([3, 4], 2));
    await harness.fixture.whenStable();
    expect(first.cancelled).toBe(true);
    const second = http.expectOne((r) => r.url === '/api/stories/marks');
    expect(second.request.params.get('ids')).toBe('3,4');
    second.flush([mark(4, { groupId: 5 })]);
    await harness.fixture.whenStable();
    expect(storyChips(el).map((c) => c.href)).toEqual(['/stories/5']);

    // A failed answer shows no marks and leaves the rows alone.
    await TestBed.inject(Router).navigateByUrl('/clippings?pageSize=2&page=3');
    http.expectOne((r) => r.url === '/api/clippings').flush(pageOf([5, 6], 3));
    await harness.fixture.whenStable();
    expect(storyChips(el)).toEqual([]);
    http
      .expectOne((r) => r.url === '/api/stories/marks')
      .flush({ statusCode: 500 }, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(storyChips(el)).toEqual([]);
    expect(el.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('asks for no marks when the page is empty', async () => {
    await open('/clippings');
    http.expectOne((r) => r.url === '/api/clippings').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();
    http.expectNone((r) => r.url === '/api/stories/marks');
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

  describe('search', () => {
    it('renders the server’s highlight as <mark> only, and a count capped at 1,000', async () => {
      const el = await open('/clippings?q=鱼台');
      http
        .expectOne((r) => r.url === '/api/clippings')
        .flush({
          items: [
            {
              ...row(1, '<b>鱼台</b>'),
              highlight: {
                kicker: null,
                title: '&lt;b&gt;<mark>鱼台</mark>&lt;/b&gt;',
                subtitle: null,
                snippet: '…<img src=x onerror=alert(1)><mark>鱼台</mark>县…',
              },
            },
          ],
          total: 1001,
          totalExact: false,
          page: 1,
          pageSize: 50,
        } satisfies ClippingListPage);
      await harness.fixture.whenStable();
      const cell = el.querySelector('.title-cell')!;
      expect(cell.querySelector('a')!.innerHTML).toBe('&lt;b&gt;<mark>鱼台</mark>&lt;/b&gt;');
      expect(cell.querySelector('img')).toBeNull();
      expect(cell.querySelector('.snippet')!.innerHTML).toBe(
        '…&lt;img src=x onerror=alert(1)&gt;<mark>鱼台</mark>县…',
      );
      expect(el.textContent).toContain('共 1,000+ 条');
      expect(el.textContent).toContain('按相关度排序');
    });

    it('narrows by a facet through the URL, and widens again', async () => {
      const el = await open('/clippings?q=鱼台');
      http
        .expectOne((r) => r.url === '/api/clippings')
        .flush({ items: [], total: 0, totalExact: true, page: 1, pageSize: 50 });
      const facets: ClippingFacets = {
        ...NO_FACETS,
        counted: 3,
        kind: [
          { value: 'brief', count: 2 },
          { value: 'article', count: 1 },
        ],
        year: [{ value: '2024', count: 3 }],
      };
      const req = http.expectOne((r) => r.url === '/api/search/facets');
      expect(req.request.params.get('q')).toBe('鱼台');
      req.flush(facets);
      await harness.fixture.whenStable();
      const button = Array.from(el.querySelectorAll<HTMLButtonElement>('[data-facet=kind] button')).find(
        (b) => b.textContent?.includes('简讯'),
      )!;
      expect(button.textContent).toContain('2');
      button.click();
      await harness.fixture.whenStable();
      expect(TestBed.inject(Router).url).toBe(`/clippings?kind=brief&q=${encodeURIComponent('鱼台')}`);
      http
        .expectOne((r) => r.url === '/api/clippings' && r.params.get('kind') === 'brief')
        .flush({
          items: [],
          total: 0,
          totalExact: true,
          page: 1,
          pageSize: 50,
        });
      http.expectOne((r) => r.url === '/api/search/facets' && r.params.get('kind') === 'brief').flush(facets);
      await harness.fixture.whenStable();
      el.querySelector<HTMLButtonElement>('[data-facet=year] button')!.click();
      await harness.fixture.whenStable();
      expect(TestBed.inject(Router).url).toContain('from=2024-01-01');
      expect(TestBed.inject(Router).url).toContain('to=2024-12-31');
      http
        .expectOne((r) => r.url === '/api/clippings')
        .flush({ items: [], total: 0, totalExact: true, page: 1, pageSize: 50 });
    });

    it('applies the list’s search field as one types', async () => {
      {
        const el = await open('/clippings');
        http
          .expectOne((r) => r.url === '/api/clippings')
          .flush({ items: [], total: 0, totalExact: true, page: 1, pageSize: 50 });
        const input = el.querySelector<HTMLInputElement>('#f-q')!;
        input.value = '梁山';
        input.dispatchEvent(new Event('input'));
        // The field applies after a pause in typing (300 ms).
        await new Promise((r) => setTimeout(r, 400));
        await harness.fixture.whenStable();
        expect(TestBed.inject(Router).url).toBe(`/clippings?q=${encodeURIComponent('梁山')}`);
        http
          .expectOne((r) => r.url === '/api/clippings' && r.params.get('q') === '梁山')
          .flush({
            items: [],
            total: 0,
            totalExact: true,
            page: 1,
            pageSize: 50,
          });
      }
    });
  });

  describe('bulk edit', () => {
    const rows = { items: [row(1, '甲'), row(2, '乙')], total: 120, page: 1, pageSize: 50 };
    const button = (el: HTMLElement, text: string): HTMLButtonElement => {
      const found = Array.from(el.querySelectorAll('button')).find((b) =>
        b.textContent?.trim().startsWith(text),
      );
      if (!found) throw new Error(`no button ${text}`);
      return found;
    };
    const choose = async (el: HTMLElement, sel: string, value: string): Promise<void> => {
      const select = el.querySelector<HTMLSelectElement>(sel)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
    };
    async function loaded(url: string): Promise<HTMLElement> {
      const el = await open(url);
      http.expectOne((r) => r.url === '/api/clippings').flush(rows);
      await harness.fixture.whenStable();
      return el;
    }

    it('selects rows and the page, then all N matching the filter', async () => {
      const el = await loaded('/clippings?status=draft');
      const bar = el.querySelector<HTMLElement>('jb-bulk-edit-bar')!;
      expect(bar.textContent).toContain('已选 0 条');
      el.querySelector<HTMLInputElement>('input[aria-label="选择“甲”"]')!.click();
      await harness.fixture.whenStable();
      const header = el.querySelector<HTMLInputElement>('input[aria-label="选择本页全部"]')!;
      expect(header.indeterminate).toBe(true);
      header.click();
      await harness.fixture.whenStable();
      expect(header.checked).toBe(true);
      expect(bar.textContent).toContain('已选 2 条');
      button(bar, '选择全部 120 条').click();
      await harness.fixture.whenStable();
      expect(bar.textContent).toContain('已选择全部 120 条符合筛选条件的剪报');
      expect(el.querySelectorAll('tr.selected')).toHaveLength(2);
    });

    it('counts first, applies after confirmation, reloads the list and clears the selection', async () => {
      const el = await loaded('/clippings?status=draft');
      const bar = el.querySelector<HTMLElement>('jb-bulk-edit-bar')!;
      button(bar, '选择全部 120 条').click();
      await harness.fixture.whenStable();
      await choose(bar, '#bulk-action', 'status');
      await choose(bar, '#bulk-value', 'reviewed');
      button(bar, '应用').click();
      await harness.fixture.whenStable();

      const dry = http.expectOne({ method: 'POST', url: '/api/clippings/bulk' });
      expect(dry.request.body).toEqual({ filter: { status: 'draft' }, status: 'reviewed', dryRun: true });
      dry.flush({ matched: 120, updated: 0 });
      await harness.fixture.whenStable();
      expect(bar.querySelector('[role=alertdialog]')!.textContent).toContain('将修改 120 条剪报');

      const clock = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
      button(bar, '确认修改').click();
      await harness.fixture.whenStable();
      const real = http.expectOne({ method: 'POST', url: '/api/clippings/bulk' });
      expect(real.request.body).toEqual({ filter: { status: 'draft' }, status: 'reviewed', dryRun: false });
      // While the one transaction runs: the count worked on and the time so far.
      const progress = bar.querySelector<HTMLElement>('[data-testid="bulk-progress"]')!;
      expect(progress.textContent).toContain('正在处理 120 条剪报…');
      expect(progress.textContent).toContain('已用 0 秒');
      expect(progress.querySelector('progress')).not.toBeNull();
      clock.mockReturnValue(1_014_000);
      real.flush({ matched: 120, updated: 120 });
      await harness.fixture.whenStable();
      clock.mockRestore();
      http.expectOne((r) => r.url === '/api/clippings').flush({ ...rows, items: [], total: 0 });
      await harness.fixture.whenStable();
      expect(bar.textContent).toContain('已修改 120 条剪报。 用时 14 秒。');
      expect(bar.textContent).toContain('已选 0 条');
    });

    it('sends explicit ids for ticked rows and shows a failure', async () => {
      const el = await loaded('/clippings');
      el.querySelector<HTMLInputElement>('input[aria-label="选择“乙”"]')!.click();
      await harness.fixture.whenStable();
      const bar = el.querySelector<HTMLElement>('jb-bulk-edit-bar')!;
      await choose(bar, '#bulk-action', 'removeTag');
      http.expectNone('/api/clippings/bulk');
      expect(button(bar, '应用').disabled).toBe(true);
      await choose(bar, '#bulk-action', 'kind');
      await choose(bar, '#bulk-value', 'photo');
      button(bar, '应用').click();
      await harness.fixture.whenStable();
      const dry = http.expectOne({ method: 'POST', url: '/api/clippings/bulk' });
      expect(dry.request.body).toEqual({ ids: [2], kind: 'photo', dryRun: true });
      dry.flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          details: [{ field: 'kind', errors: ['bad kind'], constraints: [{ constraint: 'isIn' }] }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await harness.fixture.whenStable();
      const alert = bar.querySelector('[role=alert]')!.textContent!;
      expect(alert).toContain('有字段未通过校验');
      expect(alert).toContain('类型只能从给出的选项中选择。');
      expect(alert).not.toContain('bad kind');
    });

    it('starts a new selection when the filter changes, but keeps it across pages', async () => {
      const el = await loaded('/clippings');
      el.querySelector<HTMLInputElement>('input[aria-label="选择“甲”"]')!.click();
      await harness.fixture.whenStable();
      const bar = () => el.querySelector<HTMLElement>('jb-bulk-edit-bar')!;
      button(el, '下一页').click();
      await harness.fixture.whenStable();
      http.expectOne((r) => r.url === '/api/clippings').flush({ ...rows, page: 2, items: [row(3, '丙')] });
      await harness.fixture.whenStable();
      expect(bar().textContent).toContain('已选 1 条');

      const kind = el.querySelector<HTMLSelectElement>('#f-kind')!;
      kind.value = 'photo';
      kind.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
      http.expectOne((r) => r.url === '/api/clippings').flush(rows);
      await harness.fixture.whenStable();
      expect(bar().textContent).toContain('已选 0 条');
    });
  });
});
