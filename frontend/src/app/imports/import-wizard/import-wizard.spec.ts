import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Clipping, ImportPreview, ImportResult, Publication } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
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
    },
  ],
  unassigned: ['深化移风易俗'],
  unassignedLines: [{ line: 4, text: '深化移风易俗' }],
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

  async function previewed(): Promise<void> {
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
    req.flush(PREVIEW);
    await stable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ImportWizard],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
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
        { id: 31, title: '全国秋收秋种稳步推进', body: '…', kind: 'article' } as Clipping,
        { id: 32, title: null, body: '图片说明文字。', kind: 'photo' } as Clipping,
      ],
      links: [{ id: 4, headId: 31, tailId: 17, score: 0.93, reasons: [], status: 'linked', source: 'rule' }],
    };
    req.flush(result);
    await stable();
    const created = q('[data-testid=import-result]');
    expect(created.textContent).toContain('已归档 2 条剪报');
    const hrefs = Array.from(created.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/clippings/31', '/clippings/32', '/clippings/31', '/clippings/17']);
    expect(created.textContent).toContain('已链接');
    expect(created.textContent).toContain('93%');
  });

  it('offers to replace a page filed before (409) and re-sends with replace', async () => {
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
    expect(q('[data-testid=conflict]').textContent).toContain('导入 #7');
    button('替换').click();
    await stable();
    const req = http.expectOne('/api/imports');
    expect(req.request.body.replace).toBe(true);
  });

  it('shows the message of a 400', async () => {
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
    expect(q('[data-testid=wizard-error]').textContent).toContain('clippings must not be empty');
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
    await new Promise((r) => setTimeout(r, 20));
    await stable();
    expect(q<HTMLTextAreaElement>('#import-text').value).toBe('第一行\n第二行');
  });
});
