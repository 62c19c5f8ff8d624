import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Region, RegionNode } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { RegionBrowser } from './region-browser';

const node = (
  id: number,
  name: string,
  level: RegionNode['level'],
  childCount: number,
  clippingCount: number,
) => ({
  id,
  code: String(id).padEnd(6, '0'),
  name,
  level,
  childCount,
  clippingCount,
});
const SHANDONG = node(37, '山东省', 'province', 16, 5);
const HENAN = node(41, '河南省', 'province', 17, 0);
const JINING = node(3708, '济宁市', 'prefecture', 11, 5);
const LIANGSHAN = node(370832, '梁山县', 'county', 0, 4);

describe('RegionBrowser', () => {
  let fixture: ComponentFixture<RegionBrowser>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
  };
  const byLabel = (label: string): HTMLElement => {
    const found = el.querySelector<HTMLElement>(`[aria-label="${label}"]`);
    if (!found) throw new Error(`no [aria-label=${label}]`);
    return found;
  };
  const names = () =>
    Array.from(el.querySelectorAll('tbody tr')).map((tr) => tr.querySelector('.label')?.textContent?.trim());
  const tree = (parentId: number | null) =>
    http.expectOne(
      (r) =>
        r.url === '/api/regions/tree' &&
        r.params.get('parentId') === (parentId === null ? null : String(parentId)),
    );

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(RegionBrowser);
    el = fixture.nativeElement as HTMLElement;
    await settle();
    tree(null).flush([SHANDONG, HENAN]);
    await settle();
  });

  afterEach(() => http.verify());

  it('expands lazily, level by level, and collapses without refetching', async () => {
    expect(names()).toEqual(['山东省', '河南省']);
    byLabel('展开山东省').click();
    await settle();
    expect(byLabel('收起山东省').getAttribute('aria-expanded')).toBe('true');
    tree(37).flush([JINING]);
    await settle();
    byLabel('展开济宁市').click();
    await settle();
    tree(3708).flush([LIANGSHAN]);
    await settle();
    expect(names()).toEqual(['山东省', '济宁市', '梁山县', '河南省']);
    // A county has no toggle.
    expect(el.querySelector('[aria-label="展开梁山县"]')).toBeNull();

    byLabel('收起山东省').click();
    await settle();
    expect(names()).toEqual(['山东省', '河南省']);
    byLabel('展开山东省').click();
    await settle();
    http.expectNone('/api/regions/tree');
    expect(names()).toEqual(['山东省', '济宁市', '梁山县', '河南省']);
  });

  it('links each non-zero count to the clippings list filtered by that region', async () => {
    const link = byLabel('查看山东省的 5 条剪报') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/clippings?regionId=37');
    expect(el.querySelector('[aria-label^="查看河南省"]')).toBeNull();
  });

  it('searches by name prefix and jumps to a match, opening its ancestors', async () => {
    const box = el.querySelector<HTMLInputElement>('#region-q')!;
    box.value = '梁山';
    box.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 300));
    const search = http.expectOne((r) => r.url === '/api/regions' && r.params.get('q') === '梁山');
    const county: Region = { id: 370832, code: '370832', name: '梁山县', level: 'county', parentId: 3708 };
    search.flush({ items: [county], total: 1, page: 1, pageSize: 20 });
    await settle();
    expect(el.textContent).toContain('找到 1 个地区');

    Array.from(el.querySelectorAll<HTMLButtonElement>('.matches button'))[0]!.click();
    await settle();
    http
      .expectOne('/api/regions/3708')
      .flush({ id: 3708, code: '370800', name: '济宁市', level: 'prefecture', parentId: 37 });
    await settle();
    http
      .expectOne('/api/regions/37')
      .flush({ id: 37, code: '370000', name: '山东省', level: 'province', parentId: null });
    await settle();
    tree(37).flush([JINING]);
    await settle();
    tree(3708).flush([LIANGSHAN]);
    await settle();
    expect(names()).toEqual(['山东省', '济宁市', '梁山县', '河南省']);
    expect(el.querySelector('tr.focused')?.getAttribute('data-region-id')).toBe('370832');
  });

  it('says so when nothing starts with the text', async () => {
    const box = el.querySelector<HTMLInputElement>('#region-q')!;
    box.value = '火星';
    box.closest('form')!.dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 300));
    http.expectOne((r) => r.url === '/api/regions').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    expect(el.textContent).toContain('没有以“火星”开头的地区');
  });
});
