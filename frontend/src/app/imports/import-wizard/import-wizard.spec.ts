import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  Clipping,
  DuplicatePage,
  ImportPreview,
  ImportResult,
  PageImport,
  Publication,
} from '@jianbao/contracts';
import { provideSignedInAs } from '../../auth/auth-testing';
import { I18n } from '../../shared/i18n/i18n';
import { draftKey } from '../wizard-draft';
import { ImportWizard } from './import-wizard';

const publication = { id: 1, name: '济宁日报' } as Publication;
const TEXT = [
  '全国秋收秋种稳步推进',
  '目前，全国秋收秋种正稳步',
  '推进。',
  '',
  '深化移风易俗',
  '',
  '图片说明文字。',
].join('\n');
const PREVIEW: ImportPreview = {
  clippings: [
    {
      kind: 'article',
      kicker: null,
      title: '全国秋收秋种稳步推进',
      subtitle: null,
      byline: null,
      dateline: null,
      body: '目前，全国秋收秋种正稳步推进。',
      subheads: [],
      continuesFrom: null,
      continuesTo: { page: '2', label: 'A', marker: '（下转2版A）' },
      regions: [],
      tags: [],
      lines: [
        { line: 0, role: 'title' },
        { line: 1, role: 'body' },
        { line: 2, role: 'body' },
      ],
      confidence: { boundary: 0.95, title: 0.9, byline: 0.9 },
    },
    {
      kind: 'article',
      kicker: null,
      title: null,
      subtitle: null,
      byline: null,
      dateline: null,
      body: '图片说明文字。',
      subheads: [],
      continuesFrom: null,
      continuesTo: null,
      regions: [],
      tags: [],
      lines: [{ line: 6, role: 'caption' }],
      confidence: { boundary: 0.95, title: 0.9, byline: 0.9 },
    },
  ],
  unassigned: ['深化移风易俗'],
  unassignedLines: [{ line: 4, text: '深化移风易俗' }],
};
const EARLIER: PageImport = {
  id: 7,
  publicationId: 1,
  issueDate: '2024-10-22',
  pageLabel: '1',
  sha256: 'x',
  clippingCount: 2,
  createdAt: '2024-10-22T06:03:00.000Z',
};
const DUPLICATE: DuplicatePage = {
  import: EARLIER,
  worked: [
    {
      clipping: {
        id: 41,
        publicationId: 1,
        publicationName: '济宁日报',
        issueDate: '2024-10-22',
        pageLabel: '1',
        kind: 'article',
        title: '编辑改过的标题',
        excerpt: '目前，全国秋收秋种正稳步推进。',
      },
      work: {
        fields: ['title'],
        status: 'reviewed',
        tagsAdded: [{ id: 3, name: '秋粮收购' }],
        tagsRemoved: [],
        regionsAdded: [],
        regionsRemoved: [],
        links: [],
        editors: ['编辑甲'],
        changedAt: '2024-10-22T07:00:00.000Z',
      },
      match: 0,
      matchedBy: 'body',
    },
  ],
};

describe('ImportWizard', () => {
  let fixture: ComponentFixture<ImportWizard>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const q = <T extends Element>(sel: string): T => {
    const found = el.querySelector<T>(sel);
    if (!found) throw new Error(`no ${sel}`);
    return found;
  };
  const button = (text: string): HTMLButtonElement => {
    const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`no button ${text}`);
    return found;
  };
  const type = (sel: string, value: string): void => {
    const input = q<HTMLInputElement | HTMLTextAreaElement>(sel);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const stable = () => fixture.whenStable();
  /** Waits (up to 4 s, inside the test’s 5) until `done` holds: the file reader is a real, asynchronous one. */
  async function until(done: () => boolean, what: string): Promise<void> {
    const end = Date.now() + 4000;
    while (!done()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
      await stable();
    }
  }

  async function previewed(duplicate?: DuplicatePage): Promise<void> {
    const select = q<HTMLSelectElement>('#import-publication');
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change'));
    type('#import-date', '2024-10-22');
    type('#import-page', ' 1 ');
    type('#import-text', TEXT);
    button('预览').click();
    await stable();
    const req = http.expectOne({ method: 'POST', url: '/api/imports/preview' });
    expect(req.request.body).toEqual({
      text: TEXT,
      publicationId: 1,
      issueDate: '2024-10-22',
      pageLabel: '1',
    });
    req.flush({ ...PREVIEW, duplicate: duplicate ?? null });
    await stable();
  }

  /** A second wizard, as after leaving and coming back (the first one is left as it was). */
  async function reopen(): Promise<void> {
    fixture = TestBed.createComponent(ImportWizard);
    el = fixture.nativeElement as HTMLElement;
    await stable();
    http.expectOne('/api/publications').flush([publication]);
    await stable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ImportWizard],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs('admin'),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(ImportWizard);
    el = fixture.nativeElement as HTMLElement;
    await stable();
    http.expectOne('/api/publications').flush([publication]);
    await stable();
  });

  afterEach(() => http.verify());

  it('does not preview an incomplete form', async () => {
    button('预览').click();
    await stable();
    http.expectNone('/api/imports/preview');
    expect(q('#import-text').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the source lines by role, the cards and the unassigned bin', async () => {
    await previewed();
    expect(q('[data-testid=wizard-summary]').textContent).toContain('2 条剪报 · 未归类 1 行');
    const lines = el.querySelectorAll('jb-source-pane li.line');
    expect(lines).toHaveLength(7);
    expect(lines[0]!.classList).toContain('role-title');
    expect(lines[4]!.classList).toContain('role-unassigned');
    expect(lines[6]!.classList).toContain('role-caption');
    expect(el.querySelectorAll('jb-clipping-card')).toHaveLength(2);
    expect(q<HTMLInputElement>('#card-1-title').value).toBe('全国秋收秋种稳步推进');
    expect(q('jb-clipping-card').textContent).toContain('下转：（下转2版A）');
    expect(q('.bin').textContent).toContain('深化移风易俗');
    expect(el.querySelector('.legend')?.textContent).toContain('未归类');
  });

  it('moves a bin line into a clipping and a source line to the bin', async () => {
    await previewed();
    q<HTMLButtonElement>('.bin button').click();
    await stable();
    expect(q('.bin').textContent).toContain('没有未归类的行');
    expect(q<HTMLTextAreaElement>('#card-1-body').value).toBe('目前，全国秋收秋种正稳步推进。\n深化移风易俗');

    q<HTMLButtonElement>('li[data-line="0"] button').click();
    await stable();
    button('移到未归类').click();
    await stable();
    expect(q<HTMLInputElement>('#card-1-title').value).toBe('');
    expect(q('.bin').textContent).toContain('全国秋收秋种稳步推进');
  });

  it('moves a line to another clipping as title from the line menu, and splits', async () => {
    await previewed();
    q<HTMLButtonElement>('li[data-line="2"] button').click();
    await stable();
    const target = q<HTMLSelectElement>('[id="move-target-2"]');
    target.value = '2';
    target.dispatchEvent(new Event('change'));
    const role = q<HTMLSelectElement>('[id="move-role-2"]');
    role.value = 'title';
    role.dispatchEvent(new Event('change'));
    button('移动').click();
    await stable();
    expect(q<HTMLInputElement>('#card-2-title').value).toBe('推进。');

    q<HTMLButtonElement>('li[data-line="1"] button').click();
    await stable();
    button('从此行拆分').click();
    await stable();
    expect(el.querySelectorAll('jb-clipping-card')).toHaveLength(3);
  });

  it('merges selected clippings', async () => {
    await previewed();
    expect(button('合并所选（0）').disabled).toBe(true);
    for (const box of Array.from(
      el.querySelectorAll<HTMLInputElement>('jb-clipping-card input[type=checkbox]'),
    )) {
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    await stable();
    button('合并所选（2）').click();
    await stable();
    expect(el.querySelectorAll('jb-clipping-card')).toHaveLength(1);
  });

  it('walks the proposed clippings with j/k, leaves keys typed into a field alone, and Ctrl+S keeps the draft', async () => {
    document.body.append(el);
    await previewed();
    const press = (key: string, target: EventTarget = document.body, ctrlKey = false): KeyboardEvent => {
      const e = new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, cancelable: true });
      target.dispatchEvent(e);
      return e;
    };
    const cards = Array.from(el.querySelectorAll<HTMLElement>('jb-clipping-card [data-kb-item]'));
    expect(cards).toHaveLength(2);
    press('j');
    expect(document.activeElement).toBe(cards[0]);
    press('j');
    expect(document.activeElement).toBe(cards[1]);
    press('k');
    expect(document.activeElement).toBe(cards[0]);
    const title = cards[1]!.querySelector<HTMLInputElement>('input[type=text]')!;
    title.focus();
    expect(press('j', title).defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(title);
    const save = press('s', title, true);
    expect(save.defaultPrevented).toBe(true);
    await stable();
    expect(q('[data-testid="draft-kept"]').textContent).toContain('草稿已保存在本浏览器');
    el.remove();
  });

  it('files the edited clippings and lists what was created', async () => {
    await previewed();
    const kind = q<HTMLSelectElement>('#card-2-kind');
    kind.value = 'photo';
    kind.dispatchEvent(new Event('change'));
    type('#card-1-subtitle', '副题');
    await stable();
    button('归档').click();
    await stable();
    const req = http.expectOne({ method: 'POST', url: '/api/imports' });
    expect(req.request.body).toMatchObject({
      text: TEXT,
      publicationId: 1,
      issueDate: '2024-10-22',
      pageLabel: '1',
    });
    expect(req.request.body.replace).toBeUndefined();
    expect(req.request.body.clippings).toEqual([
      expect.objectContaining({ kind: 'article', title: '全国秋收秋种稳步推进', subtitle: '副题' }),
      expect.objectContaining({ kind: 'photo', title: null, body: '图片说明文字。' }),
    ]);
    const result: ImportResult = {
      import: {
        id: 9,
        publicationId: 1,
        issueDate: '2024-10-22',
        pageLabel: '1',
        sha256: 'x',
        clippingCount: 2,
        createdAt: '',
      },
      clippings: [
        { id: 31, title: '全国秋收秋种稳步推进', body: '…', kind: 'article', pageLabel: '1' } as Clipping,
        { id: 32, title: null, body: '图片说明文字。', kind: 'photo', pageLabel: '1' } as Clipping,
      ],
      links: [{ id: 4, headId: 31, tailId: 17, score: 0.93, reasons: [], status: 'linked', source: 'rule' }],
    };
    req.flush(result);
    await stable();
    // The tail was filed earlier, on page 2: fetched to name it by title and page.
    http
      .expectOne('/api/clippings/17')
      .flush({ id: 17, title: null, body: '（上接第一版）秋粮收获过半。', kind: 'article', pageLabel: '2' });
    await stable();
    const created = q('[data-testid=import-result]');
    expect(created.textContent).toContain('已归档 2 条剪报');
    const hrefs = Array.from(created.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/clippings/31', '/clippings/32', '/clippings/31', '/clippings/17']);
    expect(q('[data-testid=link-head]').textContent?.trim()).toBe('全国秋收秋种稳步推进（第1版）');
    expect(q('[data-testid=link-tail]').textContent?.trim()).toBe('（上接第一版）秋粮收获过半。（第2版）');
    expect(created.textContent).toContain('已链接');
    expect(created.textContent).toContain('93%');
  });

  it('offers to replace a page filed meanwhile (409) and re-sends with replace', async () => {
    await previewed();
    button('归档').click();
    await stable();
    http
      .expectOne('/api/imports')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'already filed', details: { importId: 7 } },
        { status: 409, statusText: 'Conflict' },
      );
    await stable();
    http.expectOne('/api/imports/replace-plan').flush({ duplicate: { import: EARLIER, worked: [] } });
    await stable();
    expect(q('[data-testid=conflict]').textContent).toContain('导入 #7');
    expect(q('[data-testid=conflict]').textContent).toContain('没有人手动修改过');
    button('替换').click();
    await stable();
    const req = http.expectOne('/api/imports');
    expect(req.request.body).toMatchObject({ replace: true, replaceMode: 'carry-over' });
  });

  it('warns at preview time, shows the work done since filing, and replaces keeping those clippings', async () => {
    await previewed(DUPLICATE);
    const warning = q('[data-testid=duplicate]');
    expect(warning.textContent).toContain('这一版文本已经归档过');
    expect(warning.textContent).toContain('导入 #7');
    expect(warning.textContent).toContain('改了标题；标为“已审”；加了标签 秋粮收购');
    expect(warning.textContent).toContain('编辑甲');
    expect(warning.textContent).toContain('→ 剪报 1（正文相同）');
    expect(warning.querySelector('a')?.getAttribute('href')).toBe('/clippings/41');

    // Filing asks first, with the plan for the clippings as corrected now.
    type('#card-1-title', '向导里改的标题');
    await stable();
    button('归档').click();
    await stable();
    const plan = http.expectOne({ method: 'POST', url: '/api/imports/replace-plan' });
    expect(plan.request.body.clippings[0]).toMatchObject({ title: '向导里改的标题' });
    plan.flush({ duplicate: DUPLICATE });
    await stable();
    http.expectNone('/api/imports');
    const panel = q('[data-testid=conflict]');
    expect(panel.textContent).toContain('手动修改过的剪报怎么处理？');
    const keep = q<HTMLInputElement>('input[name=replace-mode][value=keep]');
    keep.checked = true;
    keep.dispatchEvent(new Event('change'));
    await stable();
    button('替换').click();
    await stable();
    const req = http.expectOne({ method: 'POST', url: '/api/imports' });
    expect(req.request.body).toMatchObject({ replace: true, replaceMode: 'keep' });
    req.flush({
      import: { ...EARLIER, id: 8 },
      clippings: [{ id: 52, title: null, body: '图片说明文字。', kind: 'photo' } as Clipping],
      links: [],
      replaced: {
        importId: 7,
        mode: 'keep',
        trashed: 1,
        carried: [],
        kept: [{ clippingId: 41, reason: 'keep' }],
        linksNotRemade: [],
      },
    } satisfies ImportResult);
    await stable();
    const report = q('[data-testid=replace-report]');
    expect(report.textContent).toContain('已替换导入 #7：1 条旧剪报移入回收站');
    expect(report.textContent).toContain('#41 按你的选择保留');
  });

  it('keeps the draft with its corrections until filed, and brings it back', async () => {
    const wizard = fixture.componentInstance;
    expect(wizard.hasUnsavedChanges()).toBe(false);
    await previewed();
    type('#card-1-title', '编辑改的标题');
    await stable();
    expect(wizard.hasUnsavedChanges()).toBe(true);
    expect(localStorage.getItem(draftKey(1))).toContain('编辑改的标题');

    await reopen();
    expect(q('[data-testid=draft-restored]').textContent).toContain('已恢复');
    expect(q<HTMLTextAreaElement>('#import-text').value).toBe(TEXT);
    expect(q<HTMLInputElement>('#import-page').value).toBe(' 1 ');
    expect(q<HTMLInputElement>('#card-1-title').value).toBe('编辑改的标题');
    expect(q<HTMLSelectElement>('#import-publication').selectedIndex).toBe(1);
    expect(button('归档').disabled).toBe(false);

    button('归档').click();
    await stable();
    http.expectOne('/api/imports').flush({
      import: { ...EARLIER, id: 9 },
      clippings: [],
      links: [],
    } satisfies ImportResult);
    await stable();
    expect(localStorage.getItem(draftKey(1))).toBeNull();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('says so when the browser cannot keep the draft', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    type('#import-text', TEXT);
    await stable();
    expect(q('[data-testid=draft-not-kept]').textContent).toContain('没能保存在浏览器里');
    setItem.mockRestore();
  });

  it('discards the draft when asked to, after confirming', async () => {
    await previewed();
    await reopen();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    q<HTMLButtonElement>('[data-testid=draft-restored] button').click();
    await stable();
    expect(localStorage.getItem(draftKey(1))).not.toBeNull();
    q<HTMLButtonElement>('[data-testid=draft-restored] button').click();
    await stable();
    expect(confirm).toHaveBeenCalledWith('丢弃这份草稿吗？版面文本和所有修改都会清空，无法找回。');
    expect(localStorage.getItem(draftKey(1))).toBeNull();
    expect(q<HTMLTextAreaElement>('#import-text').value).toBe('');
    expect(el.querySelectorAll('jb-clipping-card')).toHaveLength(0);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    confirm.mockRestore();
  });

  it('shows a 400 without details in Chinese, never the English of the server', async () => {
    await previewed();
    button('归档').click();
    await stable();
    http
      .expectOne('/api/imports')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'clippings must not be empty' },
        { status: 400, statusText: 'Bad Request' },
      );
    await stable();
    expect(q('[data-testid=wizard-error]').textContent).toContain('请求失败（400）');
    expect(q('[data-testid=wizard-error]').textContent).not.toContain('clippings must not be empty');
  });

  it('refuses to file after the text changed until previewed again', async () => {
    await previewed();
    type('#import-text', `${TEXT}\n多了一行`);
    await stable();
    expect(el.textContent).toContain('请重新预览');
    expect(button('归档').disabled).toBe(true);
  });

  it('reads a chosen .txt file as UTF-8 into the text box', async () => {
    const input = q<HTMLInputElement>('input[type=file]');
    const file = new File(['\uFEFF第一行\n第二行'], 'page.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(() => q<HTMLTextAreaElement>('#import-text').value !== '', 'the file in the text box');
    expect(q<HTMLTextAreaElement>('#import-text').value).toBe('第一行\n第二行');
  });

  it('refuses a file that is not UTF-8 by name and leaves the text box alone', async () => {
    type('#import-text', '已经粘贴的文字');
    const input = q<HTMLInputElement>('input[type=file]');
    const gbk = new File([new Uint8Array([0xe3, 0xeb, 0xc9, 0xcf])], '第2版.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [gbk], configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(() => el.querySelector('.actions .field-error') !== null, 'the refusal');
    expect(q('.actions .field-error').textContent).toContain('文件“第2版.txt”不是 UTF-8 编码的文本');
    expect(q<HTMLTextAreaElement>('#import-text').value).toBe('已经粘贴的文字');
  });
});
