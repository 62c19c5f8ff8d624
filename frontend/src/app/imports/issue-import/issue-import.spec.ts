import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CreateImportBody, ImportResult, Publication, Role } from '@jianbao/contracts';
import { provideSignedInAs } from '../../auth/auth-testing';
import { I18n } from '../../shared/i18n/i18n';
import { IssueImport } from './issue-import';

const publication = { id: 3, name: '济宁日报' } as Publication;

function result(id: number, clippings: number, links: number): ImportResult {
  return {
    import: {
      id,
      publicationId: 3,
      issueDate: '2024-10-22',
      pageLabel: 'x',
      sha256: 'x',
      clippingCount: clippings,
      createdAt: '2024-10-22T00:00:00.000Z',
    },
    clippings: Array.from({ length: clippings }, () => ({}) as ImportResult['clippings'][number]),
    links: Array.from({ length: links }, () => ({ status: 'linked' }) as ImportResult['links'][number]),
  };
}

describe('IssueImport', () => {
  let fixture: ComponentFixture<IssueImport>;
  let el: HTMLElement;
  let http: HttpTestingController;

  const stable = () => fixture.whenStable();
  const q = <T extends Element = HTMLElement>(sel: string) => el.querySelector<T>(sel) as T;
  const button = (text: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === text,
    ) as HTMLButtonElement | undefined;
  const rowOf = (name: string) => q(`tr[data-file="${name}"]`);
  /** Lets the awaited requests move on. */
  const tick = async () => {
    await new Promise((r) => setTimeout(r, 20));
    await stable();
  };
  /**
   * Waits (up to 4 s, inside the test’s 5) until `done` holds: the file reader is a real, asynchronous one and a busy
   * machine may take longer than any fixed pause.
   */
  async function until(done: () => boolean, what: string): Promise<void> {
    const end = Date.now() + 4000;
    while (!done()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await tick();
    }
  }

  async function setUp(role: Role) {
    TestBed.configureTestingModule({
      imports: [IssueImport],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs(role),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(IssueImport);
    el = fixture.nativeElement as HTMLElement;
    await stable();
    http.expectOne('/api/publications').flush([publication]);
    await stable();
  }

  async function pick(files: File[]) {
    const input = q<HTMLInputElement>('[data-testid="pick-files"]');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(
      () => files.every((f) => rowOf(f.name) !== null),
      `a row for each of ${files.map((f) => f.name).join(', ')}`,
    );
  }

  function choosePublicationAndDate() {
    const select = q<HTMLSelectElement>('#issue-publication');
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    const date = q<HTMLInputElement>('#issue-date');
    date.value = '2024-10-22';
    date.dispatchEvent(new Event('input'));
  }

  const page = (name: string, text = '第一行\n第二行') => new File([text], name, { type: 'text/plain' });

  it('lists the picked files by name with labels, refusing non-UTF-8 and skipping non-.txt', async () => {
    await setUp('editor');
    const gbk = new File([new Uint8Array([0xe3, 0xeb, 0xc9, 0xcf])], 'A3.txt', { type: 'text/plain' });
    await pick([page('page-10.txt'), page('2024-10-22_A02.txt'), gbk, new File(['%PDF'], 'A1.pdf')]);
    const names = Array.from(el.querySelectorAll('tbody th')).map((th) => th.textContent?.trim());
    expect(names).toEqual(['2024-10-22_A02.txt', 'A1.pdf', 'A3.txt', 'page-10.txt']);
    expect(rowOf('2024-10-22_A02.txt').querySelector<HTMLInputElement>('input')!.value).toBe('A2');
    expect(rowOf('page-10.txt').querySelector<HTMLInputElement>('input')!.getAttribute('aria-label')).toBe(
      '“page-10.txt”的版面',
    );
    expect(rowOf('A3.txt').textContent).toContain('文件“A3.txt”不是 UTF-8 编码的文本');
    expect(rowOf('A1.pdf').textContent).toContain('不是 .txt 文件');
    expect(q('[data-testid="issue-summary"]').textContent).toContain(
      '4 个文件：2 个待归档，1 个跳过，1 个拒收',
    );
  });

  it('asks for the publication, date and missing labels before sending anything', async () => {
    await setUp('editor');
    await pick([page('notes.txt')]);
    button('全部归档')!.click();
    await stable();
    expect(q('[data-testid="issue-import-error"]').textContent).toContain('请先选择报刊和出版日期');
    expect(q('#issue-date').getAttribute('aria-invalid')).toBe('true');
    choosePublicationAndDate();
    button('全部归档')!.click();
    await stable();
    expect(q('[data-testid="issue-import-error"]').textContent).toContain('有 1 个文件没有版面号');
    expect(rowOf('notes.txt').querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/imports');
  });

  it('files page by page with counts, reports a duplicate and a failure per row, and retries', async () => {
    await setUp('editor');
    choosePublicationAndDate();
    await pick([page('A1.txt', '一'), page('A2.txt', '二'), page('A3.txt', '三')]);
    button('全部归档')!.click();
    await stable();
    // One request at a time, the wizard's body without corrections.
    const first = http.expectOne('/api/imports');
    expect(first.request.body as CreateImportBody).toEqual({
      text: '一',
      publicationId: 3,
      issueDate: '2024-10-22',
      pageLabel: 'A1',
    });
    expect(q('[data-testid="issue-progress-count"]').textContent).toContain('已归档 0 / 3 版');
    expect(rowOf('A1.txt').textContent).toContain('正在归档');
    first.flush(result(11, 4, 1));
    await tick();
    expect(q('[data-testid="issue-progress-count"]').textContent).toContain('已归档 1 / 3 版');
    expect(rowOf('A1.txt').textContent).toContain('4 条剪报，续接已链接 1 条、待确认 0 条（导入 #11）');
    expect(rowOf('A1.txt').querySelector('a')!.getAttribute('href')).toBe('/issues/3/2024-10-22');
    http
      .expectOne('/api/imports')
      .flush(
        { statusCode: 409, error: 'Conflict', message: '这一版已于 … 导入', details: { importId: 5 } },
        { status: 409, statusText: 'Conflict' },
      );
    await tick();
    expect(rowOf('A2.txt').textContent).toContain('这一版文本已经归档过（导入 #5）');
    // Only admins may replace.
    expect(rowOf('A2.txt').textContent).toContain('只有管理员可以替换');
    http.expectOne('/api/imports').error(new ProgressEvent('error'), { status: 0 });
    await tick();
    expect(rowOf('A3.txt').textContent).toContain('无法连接服务器');
    expect(q('[data-testid="issue-progress"]').textContent).toContain('已处理 3 / 3 版 · 重复 1 · 失败 1');

    button('跳过')!.click();
    await stable();
    expect(rowOf('A2.txt').textContent).toContain('重复，已跳过');

    button('重试失败的 1 版')!.click();
    await stable();
    expect((http.expectOne('/api/imports').request.body as CreateImportBody).pageLabel).toBe('A3');
  });

  it('stops after the page being filed; the rest wait; leaving asks only while it runs', async () => {
    await setUp('editor');
    choosePublicationAndDate();
    await pick([page('A1.txt'), page('A2.txt'), page('A3.txt')]);
    const component = fixture.componentInstance;
    expect(component.hasUnsavedChanges()).toBe(false);
    button('全部归档')!.click();
    await stable();
    expect(component.hasUnsavedChanges()).toBe(true);
    button('停止')!.click();
    await stable();
    http.expectOne('/api/imports').flush(result(1, 1, 0));
    await tick();
    http.expectNone('/api/imports');
    expect(q('[data-testid="issue-stopped"]').textContent).toContain('还有 2 版待归档');
    expect(rowOf('A2.txt').getAttribute('data-state')).toBe('pending');
    expect(component.hasUnsavedChanges()).toBe(false);
  });

  it('lets an admin replace a duplicate: sent again with replace', async () => {
    await setUp('admin');
    choosePublicationAndDate();
    await pick([page('A1.txt')]);
    button('全部归档')!.click();
    await stable();
    http
      .expectOne('/api/imports')
      .flush(
        { statusCode: 409, error: 'Conflict', message: '重复', details: { importId: 5 } },
        { status: 409, statusText: 'Conflict' },
      );
    await tick();
    button('替换')!.click();
    await stable();
    const again = http.expectOne('/api/imports');
    expect(again.request.body).toMatchObject({ pageLabel: 'A1', replace: true, replaceMode: 'carry-over' });
    again.flush({
      ...result(9, 2, 0),
      replaced: { importId: 5, mode: 'carry-over', trashed: 2, carried: [], kept: [], linksNotRemade: [] },
    });
    await tick();
    expect(rowOf('A1.txt').textContent).toContain('替换了导入 #5');
  });
});
