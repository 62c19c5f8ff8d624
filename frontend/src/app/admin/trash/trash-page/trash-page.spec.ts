import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClippingSummary, Page, TrashItem } from '@jianbao/contracts';
import { I18n } from '../../../shared/i18n/i18n';
import { TrashPage } from './trash-page';

const item = (id: number, label: string, reason = 'deleted'): TrashItem => ({
  id,
  entityType: 'clipping',
  entityId: 100 + id,
  label,
  deletedAt: '2024-03-05T08:00:00.000Z',
  deletedById: 1,
  deletedByName: '管理员老王',
  reason,
  publicationId: 1,
  publicationName: '济宁日报',
  issueDate: '2024-10-22',
  pageLabel: '2',
  excerpt: `${label}的正文开头……`,
  duplicates: [],
});
const live: ClippingSummary = {
  id: 57,
  publicationId: 1,
  publicationName: '济宁日报',
  issueDate: '2024-10-22',
  pageLabel: '2',
  kind: 'article',
  title: '编辑改过的标题',
  excerpt: '本报讯……',
};
const page = (items: TrashItem[], total = items.length): Page<TrashItem> => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

describe('TrashPage', () => {
  let fixture: ComponentFixture<TrashPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const button = (name: string, scope: ParentNode = el): HTMLButtonElement => {
    const found = Array.from(scope.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === name,
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const row = (text: string): HTMLTableRowElement => {
    const found = Array.from(el.querySelectorAll<HTMLTableRowElement>('tbody tr')).find((r) =>
      r.textContent?.includes(text),
    );
    if (!found) throw new Error(`no row ${text}`);
    return found;
  };
  const expectList = (items: TrashItem[], total = items.length) =>
    http.expectOne((r) => r.url === '/api/trash' && r.method === 'GET').flush(page(items, total));

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TrashPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(TrashPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists what was deleted, when, by whom and why', async () => {
    const req = http.expectOne((r) => r.url === '/api/trash');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(page([item(1, '梁山小小明信片倡树大文明'), item(2, '济宁新闻简讯', 'import-replaced')]));
    await fixture.whenStable();
    expect(el.textContent).toContain('共 2 项');
    const first = row('梁山小小明信片倡树大文明').textContent ?? '';
    expect(first).toContain('管理员老王');
    expect(first).toContain('手动删除');
    expect(first).toContain('剪报');
    expect(row('济宁新闻简讯').textContent).toContain('所属导入被替换');
  });

  it('restores an item and reloads the list', async () => {
    expectList([item(1, '梁山小小明信片倡树大文明')]);
    await fixture.whenStable();
    button('恢复', row('梁山小小明信片倡树大文明')).click();
    http.expectOne({ method: 'POST', url: '/api/trash/1/restore' }).flush({});
    await fixture.whenStable();
    expectList([]);
    await fixture.whenStable();
    expect(el.textContent).toContain('已恢复“梁山小小明信片倡树大文明”');
    expect(el.textContent).toContain('回收站是空的');
  });

  it('names the live clipping a replaced one duplicates, asks before restoring it, and says so after', async () => {
    const replaced = { ...item(3, '济宁新闻简讯', 'import-replaced'), duplicates: [live] };
    expectList([replaced]);
    await fixture.whenStable();
    const r = row('济宁新闻简讯');
    expect(r.querySelector('[data-testid=trash-duplicates]')?.textContent).toContain(
      '与现存剪报重复： 编辑改过的标题（2024-10-22 · 版面 2，#57）',
    );
    expect(r.querySelector('a')?.getAttribute('href')).toBe('/clippings/57');
    button('恢复', r).click();
    await fixture.whenStable();
    http.expectNone('/api/trash/3/restore');
    expect(row('济宁新闻简讯').textContent).toContain('恢复后会与上面的现存剪报重复');
    button('仍然恢复', row('济宁新闻简讯')).click();
    http.expectOne({ method: 'POST', url: '/api/trash/3/restore' }).flush({ id: 103, duplicates: [live] });
    await fixture.whenStable();
    expectList([]);
    await fixture.whenStable();
    expect(el.querySelector('.alert.ok')?.textContent).toContain(
      '已恢复“济宁新闻简讯”。它与现存剪报 “编辑改过的标题”（2024-10-22 · 版面 2，#57） 重复。',
    );
    // The notice follows a switch of the UI language.
    TestBed.inject(I18n).setLang('en');
    await fixture.whenStable();
    expect(el.querySelector('.alert.ok')?.textContent).toContain(
      'Restored “济宁新闻简讯”. It duplicates live clipping “编辑改过的标题” (2024-10-22 · page 2, #57).',
    );
  });

  it('purges one item only after a confirmation', async () => {
    expectList([item(1, '梁山小小明信片倡树大文明')]);
    await fixture.whenStable();
    button('彻底删除', row('梁山小小明信片倡树大文明')).click();
    await fixture.whenStable();
    http.expectNone({ method: 'DELETE', url: '/api/trash/1' });
    expect(el.querySelector('[role=alert]')?.textContent).toContain('此操作无法撤销');
    button('彻底删除', row('梁山小小明信片倡树大文明')).click();
    http.expectOne({ method: 'DELETE', url: '/api/trash/1' }).flush(null);
    await fixture.whenStable();
    expectList([]);
  });

  it('empties the trash after a confirmation naming the count', async () => {
    expectList([item(1, '甲'), item(2, '乙')], 23);
    await fixture.whenStable();
    button('清空回收站').click();
    await fixture.whenStable();
    expect(el.querySelector('header [role=alert]')?.textContent).toContain('全部 23 项');
    button('清空回收站', el.querySelector('header')!).click();
    http.expectOne({ method: 'DELETE', url: '/api/trash' }).flush({ purged: 23 });
    await fixture.whenStable();
    expectList([]);
    await fixture.whenStable();
    expect(el.textContent).toContain('已彻底删除 23 项');
  });

  it('shows an error when the server refuses', async () => {
    expectList([item(1, '甲')]);
    await fixture.whenStable();
    button('恢复').click();
    http
      .expectOne('/api/trash/1/restore')
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'gone' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expectList([]);
    await fixture.whenStable();
    expect(el.querySelector('.alert.error')?.textContent).toContain('找不到');
  });

  it('shows where each item was printed and the start of its body', async () => {
    expectList([item(1, '梁山小小明信片')]);
    await fixture.whenStable();
    const text = row('梁山小小明信片').textContent ?? '';
    expect(text).toContain('济宁日报 · 2024-10-22 · 版面 2');
    expect(text).toContain('梁山小小明信片的正文开头');
  });

  it('restores the ticked items together and reloads', async () => {
    expectList([item(1, '甲'), item(2, '乙'), item(3, '丙')]);
    await fixture.whenStable();
    row('甲').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    row('丙').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await fixture.whenStable();
    button('恢复所选（2）').click();
    const req = http.expectOne({ method: 'POST', url: '/api/trash/restore' });
    expect(req.request.body).toEqual({ ids: [1, 3] });
    req.flush({ restored: 2, items: [] });
    await fixture.whenStable();
    expectList([item(2, '乙')]);
    await fixture.whenStable();
    expect(el.querySelector('[role=status]')?.textContent).toContain('已恢复 2 项');
  });

  it('marks each item a refused bulk restore names, with its reason, and says none was restored', async () => {
    expectList([item(1, '甲'), item(2, '乙')]);
    await fixture.whenStable();
    el.querySelector<HTMLInputElement>('thead input[type=checkbox]')!.click();
    await fixture.whenStable();
    button('恢复所选（2）').click();
    http.expectOne({ method: 'POST', url: '/api/trash/restore' }).flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: '1 of 2 trash item(s) cannot be restored; none was restored',
        details: {
          items: [
            { trashItemId: 1, clippingId: 101, label: '甲', restored: false, problem: null, duplicates: [] },
            {
              trashItemId: 2,
              clippingId: 102,
              label: '乙',
              restored: false,
              problem: 'publication-gone',
              duplicates: [],
            },
          ],
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain(
      '所选的 2 项中有 1 项无法恢复，因此一项也没有恢复',
    );
    expect(row('乙').classList.contains('refused')).toBe(true);
    expect(row('乙').textContent).toContain('所属报刊已被删除');
    expect(row('甲').classList.contains('refused')).toBe(false);
    expect(el.textContent).not.toContain('cannot be restored');
  });
});
