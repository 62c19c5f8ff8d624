import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Clipping, Publication } from '@jianbao/contracts';
import { provideSignedInAs, testSession } from '../../auth/auth-testing';
import { AuthService } from '../../auth/auth.service';
import { I18n } from '../../shared/i18n/i18n';
import { sampleClipping } from '../clipping-testing';
import { ClippingForm } from './clipping-form';

const publication: Publication = {
  id: 1,
  name: '济宁日报',
  shortName: null,
  homeRegionCode: '370800',
  language: 'zh-CN',
  notes: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

const clipping = sampleClipping();

describe('ClippingForm', () => {
  let fixture: ComponentFixture<ClippingForm>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const field = <T extends HTMLElement>(id: string): T => {
    const found = el.querySelector<T>(`#clipping-${id}`);
    if (!found) throw new Error(`no #clipping-${id}`);
    return found;
  };
  const type = (id: string, value: string): void => {
    const input = field<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const choose = (id: string, index: number): void => {
    const select = field<HTMLSelectElement>(id);
    select.selectedIndex = index;
    select.dispatchEvent(new Event('change'));
  };
  const save = async (): Promise<void> => {
    el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  };
  const labelFor = (id: string): string =>
    el.querySelector(`label[for="clipping-${id}"]`)?.textContent?.trim() ?? '';

  async function create(id?: string): Promise<void> {
    fixture = TestBed.createComponent(ClippingForm);
    if (id !== undefined) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([publication]);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ClippingForm],
      // An admin: the form offers every control, delete included.
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs('admin'),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
  });

  afterEach(() => {
    // Side panels (tag list for the chips, keyword suggestions, same story, continuation) load on their own.
    for (const req of http.match((r) => /\/api\/tags$|\/keywords$|\/stories$|\/history$/.test(r.url)))
      req.flush([]);
    for (const req of http.match((r) => r.url.endsWith('/continuation')))
      req.flush({ articleId: null, chain: [], suggestions: [] });
    http.verify();
  });

  it('labels every control', async () => {
    await create();
    for (const id of [
      'publicationId',
      'issueDate',
      'pageLabel',
      'kind',
      'status',
      'title',
      'body',
      'subheads',
    ]) {
      expect(labelFor(id)).not.toBe('');
    }
    expect(labelFor('title')).toBe('标题');
  });

  it('blocks saving until the required fields are filled', async () => {
    await create();
    await save();
    http.expectNone('/api/clippings');
    expect(field('pageLabel').getAttribute('aria-invalid')).toBe('true');
    expect(field('pageLabel-err').textContent).toContain('必填');
  });

  it('shows a server-side validation message beside its field', async () => {
    await create();
    choose('publicationId', 1);
    type('issueDate', '2024-03-05');
    type('pageLabel', '第A版');
    type('title', '梁山小小明信片倡树大文明');
    type('body', '本报讯');
    type('subheads', '一、起步\n\n二、推广');
    await save();

    const req = http.expectOne({ method: 'POST', url: '/api/clippings' });
    expect(req.request.body).toMatchObject({
      publicationId: 1,
      issueDate: '2024-03-05',
      pageLabel: '第A版',
      kind: 'article',
      status: 'draft',
      title: '梁山小小明信片倡树大文明',
      kicker: null,
      subheads: ['一、起步', '二、推广'],
    });
    req.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [
          { field: 'pageLabel', errors: ['版面标签无法识别'] },
          { field: 'tagIds.0', errors: ['标签不存在'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(field('pageLabel').getAttribute('aria-invalid')).toBe('true');
    expect(field('pageLabel-err').textContent).toContain('版面标签无法识别');
    expect(field('title').getAttribute('aria-invalid')).toBe('false');
    const top = el.querySelector('[data-testid=top-error]')!.textContent!;
    expect(top).toContain('有字段未通过校验');
    expect(top).toContain('标签不存在');
    expect(top).not.toContain('tagIds');

    // Editing the field clears its server message.
    type('pageLabel', 'A2');
    await fixture.whenStable();
    expect(field('pageLabel-err').textContent).not.toContain('版面标签无法识别');
  });

  it('sends version on save and offers a reload when the clipping changed meanwhile (409)', async () => {
    await create('5');
    http.expectOne('/api/clippings/5').flush(clipping);
    await fixture.whenStable();
    expect(field<HTMLInputElement>('title').value).toBe(clipping.title);

    type('title', '新标题');
    await save();
    const req = http.expectOne({ method: 'PATCH', url: '/api/clippings/5' });
    expect(req.request.body).toMatchObject({ title: '新标题', version: 3 });
    req.flush(
      { statusCode: 409, error: 'Conflict', message: 'version is stale' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    const stale = el.querySelector('[data-testid=stale]')!;
    expect(stale.textContent).toContain('已被其他人修改');
    stale.querySelector('button')!.click();
    await fixture.whenStable();
    http.expectOne('/api/clippings/5').flush({ ...clipping, title: '别人的标题', version: 4 });
    await fixture.whenStable();
    expect(field<HTMLInputElement>('title').value).toBe('别人的标题');
    expect(el.querySelector('[data-testid=stale]')).toBeNull();
  });

  it('holds unsaved changes from the first edit until saved (fields, or tags and regions)', async () => {
    await create('5');
    http.expectOne('/api/clippings/5').flush(clipping);
    await fixture.whenStable();
    const form = fixture.componentInstance;
    expect(form.hasUnsavedChanges()).toBe(false);
    type('title', '新标题');
    expect(form.hasUnsavedChanges()).toBe(true);
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    await save();
    const tagged = { ...clipping, title: '新标题', version: 4 };
    tagged.tags = [{ id: 3, name: '文明', color: null, source: 'rule' }];
    http.expectOne({ method: 'PATCH', url: '/api/clippings/5' }).flush(tagged);
    await fixture.whenStable();
    expect(form.hasUnsavedChanges()).toBe(false);
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    // A removed tag chip is an unsaved change too.
    el.querySelector<HTMLButtonElement>('.chip button.x')!.click();
    await fixture.whenStable();
    expect(form.hasUnsavedChanges()).toBe(true);
  });

  it('shows a merge view on a 409 with the current clipping, and saves the merge on the current version', async () => {
    await create('5');
    http.expectOne('/api/clippings/5').flush(clipping);
    await fixture.whenStable();

    type('title', '我的标题');
    await save();
    http.expectOne({ method: 'PATCH', url: '/api/clippings/5' }).flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'version is stale',
        details: { current: { ...clipping, title: '别人的标题', body: '别人改的正文', version: 4 } },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    const merge = el.querySelector<HTMLElement>('[data-testid=merge]')!;
    expect(merge.textContent).toContain('版本 4');
    const row = (field: string) => merge.querySelector<HTMLElement>(`tr[data-field=${field}]`)!;
    expect(row('title').classList).toContain('conflict');
    expect(row('body').textContent).toContain('自动采用他人的修改');
    const button = (name: string) =>
      Array.from(merge.querySelectorAll<HTMLButtonElement>('button')).find(
        (b) => b.textContent?.trim() === name,
      )!;
    expect(button('保存合并结果').disabled).toBe(true);

    button('用我的').click();
    await fixture.whenStable();
    button('保存合并结果').click();
    await fixture.whenStable();
    const req = http.expectOne({ method: 'PATCH', url: '/api/clippings/5' });
    expect(req.request.body).toMatchObject({ title: '我的标题', body: '别人改的正文', version: 4 });
    req.flush({ ...clipping, title: '我的标题', body: '别人改的正文', version: 5 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=merge]')).toBeNull();
    expect(field<HTMLInputElement>('title').value).toBe('我的标题');
    expect(field<HTMLTextAreaElement>('body').value).toBe('别人改的正文');
  });

  it('offers delete (to the trash) to admins only, and restoring to editors', async () => {
    await create('5');
    http.expectOne('/api/clippings/5').flush(clipping);
    await fixture.whenStable();
    const history = http.expectOne('/api/clippings/5/history');
    history.flush([
      {
        id: 2,
        clippingId: 5,
        version: 3,
        at: clipping.updatedAt,
        actorId: 1,
        actorName: '编辑小李',
        action: 'edited',
        changes: [],
        snapshot: {},
      },
      {
        id: 1,
        clippingId: 5,
        version: 1,
        at: clipping.createdAt,
        actorId: 1,
        actorName: '编辑小李',
        action: 'created',
        changes: [],
        snapshot: {},
      },
    ]);
    await fixture.whenStable();
    const buttons = () => Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim());
    expect(buttons()).toContain('删除');
    expect(buttons()).toContain('恢复到此版本');
    Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === '删除')!
      .click();
    await fixture.whenStable();
    expect(el.querySelector('header [role=alert]')?.textContent).toContain('回收站');

    const auth = TestBed.inject(AuthService);
    auth.adoptSession(testSession('editor'));
    await fixture.whenStable();
    expect(buttons()).not.toContain('确认删除');
    expect(buttons()).not.toContain('删除');
    expect(buttons()).toContain('恢复到此版本');

    auth.adoptSession(testSession('viewer'));
    await fixture.whenStable();
    expect(buttons()).not.toContain('恢复到此版本');
  });

  it('shows a viewer the clipping as text: no inputs, no save button, a read-only title', async () => {
    TestBed.inject(AuthService).adoptSession(testSession('viewer'));
    await create('5');
    http.expectOne('/api/clippings/5').flush(clipping);
    await fixture.whenStable();
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelectorAll('input, textarea, select')).toHaveLength(0);
    expect(el.querySelector('button[type=submit]')).toBeNull();
    expect(el.querySelector('h1')!.textContent).toContain('剪报 #5');
    expect(el.querySelector('h1')!.textContent).not.toContain('编辑');
    const view = el.querySelector('[data-testid=read-only]')!;
    expect(view.textContent).toContain(clipping.title!);
    expect(view.textContent).toContain(clipping.publicationName);
    expect(view.textContent).toContain('只能查看');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('warns under the issue date before 1900 and beyond a year ahead, and hints the title length', async () => {
    await create();
    expect(el.textContent).toContain('最多 500 个字符');
    type('issueDate', '1872-04-30');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=date-warning]')!.textContent).toContain('早于 1900 年');
    type('issueDate', '2999-01-01');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=date-warning]')!.textContent).toContain('服务器不会接受');
    type('issueDate', '2024-10-22');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=date-warning]')).toBeNull();
  });

  it('says so at the top when the clipping does not exist', async () => {
    await create('404');
    http
      .expectOne('/api/clippings/404')
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'Clipping 404 not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=top-error]')!.textContent).toContain('找不到');
    expect(el.querySelector('form')).toBeNull();
  });

  describe('tags, regions, keywords and same story', () => {
    const tagOf = (id: number, name: string) => ({
      id,
      name,
      parentId: null,
      color: '#336699',
      description: null,
      createdAt: '',
      updatedAt: '',
    });
    const linked: Clipping = {
      ...clipping,
      tags: [
        { id: 1, name: '文明', color: '#b4232a', source: 'rule' },
        { id: 2, name: '志愿服务', color: null, source: 'manual' },
      ],
      regions: [
        { code: '370832', name: '梁山县', level: 'county', path: ['山东省', '济宁市'], source: 'rule' },
      ],
    };
    const chip = (name: string): HTMLElement => {
      const found = Array.from(el.querySelectorAll<HTMLElement>('.chip')).find((c) =>
        c.querySelector('.chip-name')?.textContent?.includes(name),
      );
      if (!found) throw new Error(`no chip ${name}`);
      return found;
    };

    async function edit(): Promise<void> {
      await create('5');
      http.expectOne('/api/clippings/5').flush(linked);
      await fixture.whenStable();
      http.expectOne('/api/tags').flush([tagOf(1, '文明'), tagOf(2, '志愿服务'), tagOf(3, '明信片')]);
      http.expectOne('/api/clippings/5/keywords').flush([
        { keyword: '明信片', weight: 0.9 },
        { keyword: '梁山', weight: 0.5 },
      ]);
      http.expectOne('/api/clippings/5/stories').flush([
        {
          clipping: {
            id: 8,
            publicationId: 2,
            publicationName: '齐鲁晚报',
            issueDate: '2024-03-06',
            pageLabel: '3',
            kind: 'brief',
            title: '小小明信片',
            excerpt: '',
          },
          containment: 0.874,
        },
      ]);
      await fixture.whenStable();
    }

    it('shows who made each link, rule-made chips lighter', async () => {
      await edit();
      expect(chip('文明').classList).toContain('rule');
      expect(chip('文明').querySelector('.src')!.textContent).toBe('规则');
      expect(chip('志愿服务').classList).not.toContain('rule');
      expect(chip('志愿服务').querySelector('.src')!.textContent).toBe('人工');
      expect(chip('梁山县').getAttribute('title')).toBe('山东省 / 济宁市 / 梁山县');
    });

    it('saves the full sets of tagIds and regionCodes after chip edits', async () => {
      await edit();
      chip('文明').querySelector<HTMLButtonElement>('button')!.click();
      await fixture.whenStable();

      const tagBox = el.querySelector<HTMLInputElement>('#links-add-tag')!;
      tagBox.value = '明信片';
      tagBox.dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
      tagBox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await fixture.whenStable();
      expect(chip('明信片').querySelector('.src')!.textContent).toBe('人工');

      const regionBox = el.querySelector<HTMLInputElement>('#links-add-region')!;
      regionBox.value = '济宁';
      regionBox.dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
      await new Promise((r) => setTimeout(r, 250));
      http
        .expectOne((r) => r.url === '/api/regions' && r.params.get('q') === '济宁')
        .flush({
          items: [{ id: 3708, code: '370800', name: '济宁市', level: 'prefecture', parentId: 37 }],
          total: 1,
          page: 1,
          pageSize: 20,
        });
      await fixture.whenStable();
      regionBox.value = '济宁市（370800）';
      regionBox.dispatchEvent(new Event('input'));
      await fixture.whenStable();
      expect(chip('济宁市').dataset['source']).toBe('manual');

      await save();
      const req = http.expectOne({ method: 'PATCH', url: '/api/clippings/5' });
      expect(req.request.body).toMatchObject({
        tagIds: [2, 3],
        regionCodes: ['370832', '370800'],
        version: 3,
      });
      req.flush({ ...linked, version: 4 });
      await fixture.whenStable();
    });

    it('adds a tag typed and entered before the tag list has answered, without calling it unknown', async () => {
      await create('5');
      http.expectOne('/api/clippings/5').flush(linked);
      await fixture.whenStable();
      const tags = http.expectOne('/api/tags');
      const tagBox = el.querySelector<HTMLInputElement>('#links-add-tag')!;
      tagBox.value = '明信片';
      tagBox.dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
      tagBox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await fixture.whenStable();
      expect(el.textContent).not.toContain('没有叫“明信片”的标签');
      tags.flush([tagOf(1, '文明'), tagOf(2, '志愿服务'), tagOf(3, '明信片')]);
      await fixture.whenStable();
      expect(chip('明信片').dataset['source']).toBe('manual');
      expect(tagBox.value).toBe('');
      expect(el.querySelector('.add .hint')).toBeNull();
    });

    it('turns a keyword into a tag: adds an existing one, prefills "create tag" otherwise', async () => {
      await edit();
      const keyword = (text: string) =>
        Array.from(el.querySelectorAll<HTMLButtonElement>('button.keyword')).find(
          (b) => b.textContent!.trim() === text,
        )!;
      keyword('明信片').click();
      await fixture.whenStable();
      expect(chip('明信片')).toBeDefined();
      expect(keyword('明信片').classList).toContain('linked');

      keyword('梁山').click();
      await fixture.whenStable();
      const newTag = el.querySelector<HTMLInputElement>('#links-new-tag')!;
      expect(newTag.value).toBe('梁山');
      Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
        .find((b) => b.textContent!.trim() === '新建标签')!
        .click();
      await fixture.whenStable();
      const req = http.expectOne({ method: 'POST', url: '/api/tags' });
      expect(req.request.body).toEqual({ name: '梁山' });
      req.flush(tagOf(9, '梁山'));
      await fixture.whenStable();
      expect(chip('梁山').dataset['source']).toBe('manual');
      expect(newTag.value).toBe('');
    });

    it('lists the same story elsewhere with its containment', async () => {
      await edit();
      const box = el.querySelector<HTMLElement>('jb-same-stories')!;
      expect(box.textContent).toContain('小小明信片');
      expect(box.textContent).toContain('齐鲁晚报');
      expect(box.textContent).toContain('重合 87%');
      expect(box.querySelector('a')!.getAttribute('href')).toBe('/clippings/8');
    });
  });
});
