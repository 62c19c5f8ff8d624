import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Tag } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { RULE_PREVIEW_DEBOUNCE } from '../tag-rule-editor/tag-rule-editor';
import { TagList } from './tag-list';
import { provideSignedInAs } from '../../auth/auth-testing';

const tag = (id: number, name: string, parentId: number | null = null, extra: object = {}): Tag =>
  ({
    id,
    name,
    parentId,
    color: '#336699',
    description: null,
    rule: null,
    createdAt: '',
    updatedAt: '',
    ...extra,
  }) as Tag;

const TAGS = [
  tag(1, '经济', null, { clippingCount: 9 }),
  tag(2, '农业', 1),
  tag(3, '粮食', 2),
  tag(4, '文化'),
];

describe('TagList (tag manager)', () => {
  let fixture: ComponentFixture<TagList>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
  };
  const item = (name: string): HTMLElement => {
    const found = el.querySelector<HTMLElement>(`[role=treeitem][aria-label="${name}"]`);
    if (!found) throw new Error(`no tree item ${name}`);
    return found;
  };
  const button = (root: HTMLElement, text: string): HTMLButtonElement => {
    const found = Array.from(root.querySelectorAll('button')).find((b) =>
      b.textContent?.trim().startsWith(text),
    );
    if (!found) throw new Error(`no button ${text}`);
    return found;
  };
  const click = async (root: HTMLElement, text: string): Promise<void> => {
    button(root, text).click();
    await settle();
  };
  const choose = async (select: HTMLSelectElement, value: string): Promise<void> => {
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settle();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RULE_PREVIEW_DEBOUNCE, useValue: 0 },
        provideSignedInAs('admin'),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(TagList);
    el = fixture.nativeElement as HTMLElement;
    await settle();
    http.expectOne('/api/tags').flush(TAGS);
    await settle();
  });

  afterEach(() => http.verify());

  it('renders the tree indented, with levels, swatches and counts when the server sends them', () => {
    const items = Array.from(el.querySelectorAll<HTMLElement>('[role=treeitem]'));
    expect(items.map((i) => [i.getAttribute('aria-label'), i.getAttribute('aria-level')])).toEqual([
      ['经济', '1'],
      ['农业', '2'],
      ['粮食', '3'],
      ['文化', '1'],
    ]);
    expect(item('粮食').querySelector<HTMLElement>('.line')!.style.paddingLeft).toBe('48px');
    expect(item('经济').querySelector('.count')?.textContent).toBe('9');
    expect(item('农业').querySelector('.count')).toBeNull();
    expect(item('文化').querySelector<HTMLInputElement>('input[type=color]')!.value).toBe('#336699');
  });

  it('offers only valid new parents when moving, and PATCHes parentId', async () => {
    await click(item('经济'), '移动');
    const select = el.querySelector<HTMLSelectElement>('#move-1')!;
    const labels = Array.from(select.options).map((o) => o.textContent!.trim());
    expect(labels).toEqual(['（顶级）', '文化']);

    await click(item('农业'), '移动');
    const moveUnder = el.querySelector<HTMLSelectElement>('#move-2')!;
    expect(Array.from(moveUnder.options).map((o) => o.textContent!.trim())).toEqual([
      '（顶级）',
      '经济',
      '文化',
    ]);
    expect(moveUnder.value).toBe('1');
    await choose(moveUnder, '4');
    await click(item('农业').querySelector<HTMLElement>('.op')!, '移动');
    const req = http.expectOne({ method: 'PATCH', url: '/api/tags/2' });
    expect(req.request.body).toEqual({ parentId: 4 });
    req.flush(tag(2, '农业', 4));
    await settle();
    const order = Array.from(el.querySelectorAll('[role=treeitem]')).map((i) => i.getAttribute('aria-label'));
    expect(order).toEqual(['经济', '文化', '农业', '粮食']);
  });

  it('creates a child under a tag', async () => {
    await click(item('文化'), '添加子标签');
    const input = el.querySelector<HTMLInputElement>('#child-4')!;
    input.value = '非遗';
    input.dispatchEvent(new Event('input'));
    await click(item('文化').querySelector<HTMLElement>('.op')!, '新建');
    const req = http.expectOne({ method: 'POST', url: '/api/tags' });
    expect(req.request.body).toEqual({ name: '非遗', parentId: 4, color: '#336699' });
    req.flush(tag(5, '非遗', 4));
    await settle();
    expect(item('非遗').getAttribute('aria-level')).toBe('2');
  });

  it('renames inline and shows a duplicate name beside the field', async () => {
    await click(item('文化'), '重命名');
    const input = el.querySelector<HTMLInputElement>('#rename-4')!;
    input.value = '经济';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    http
      .expectOne({ method: 'PATCH', url: '/api/tags/4' })
      .flush({ statusCode: 409, error: 'Conflict', message: 'dup' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(item('文化').textContent).toContain('已存在同名标签');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('merges into another tag only after confirming, then reloads the tree', async () => {
    await click(item('农业'), '合并');
    const select = el.querySelector<HTMLSelectElement>('#merge-2')!;
    // Not itself, not its own descendant 粮食.
    expect(Array.from(select.options).map((o) => o.textContent!.trim())).toEqual(['请选择…', '经济', '文化']);
    await choose(select, '4');
    await click(item('农业').querySelector<HTMLElement>('.op')!, '合并');
    http.expectNone('/api/tags/2/merge');
    expect(item('农业').textContent).toContain('“农业”的剪报和子标签将归入“文化”');
    await click(item('农业'), '确认合并');
    const req = http.expectOne({ method: 'POST', url: '/api/tags/2/merge' });
    expect(req.request.body).toEqual({ intoId: 4 });
    req.flush(tag(4, '文化'));
    await settle();
    http.expectOne('/api/tags').flush([tag(1, '经济'), tag(3, '粮食', 4), tag(4, '文化')]);
    await settle();
    expect(el.querySelector('[aria-label="农业"]')).toBeNull();
  });

  it('deletes with the chosen fate of the clippings (move to parent only when there is a parent)', async () => {
    await click(item('文化'), '删除');
    expect(() => button(item('文化'), '改挂到')).toThrow();
    await click(item('粮食'), '删除');
    await click(item('粮食'), '改挂到“农业”');
    const req = http.expectOne((r) => r.method === 'DELETE' && r.url === '/api/tags/3');
    expect(req.request.params.get('clippings')).toBe('moveToParent');
    req.flush(null);
    await settle();
    http.expectOne('/api/tags').flush(TAGS.filter((t) => t.id !== 3));
    await settle();

    await click(item('文化'), '删除');
    await click(item('文化'), '解除关联');
    const detach = http.expectOne((r) => r.method === 'DELETE' && r.url === '/api/tags/4');
    expect(detach.request.params.get('clippings')).toBe('detach');
    detach.flush(null);
    await settle();
    http.expectOne('/api/tags').flush([]);
  });

  it('changes the colour with the picker', async () => {
    const picker = item('文化').querySelector<HTMLInputElement>('input[type=color]')!;
    picker.value = '#00ff00';
    picker.dispatchEvent(new Event('change'));
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/tags/4' });
    expect(req.request.body).toEqual({ color: '#00ff00' });
    req.flush(tag(4, '文化', null, { color: '#00ff00' }));
  });

  it('opens the rule editor for a tag', async () => {
    await click(item('文化'), '规则');
    expect(item('文化').querySelector('jb-tag-rule-editor')).not.toBeNull();
    expect(item('文化').textContent).toContain('“文化”的自动标注规则');
  });
});
