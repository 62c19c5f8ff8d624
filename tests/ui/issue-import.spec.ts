// The whole-issue import in a real browser against the real backend and the built app: a folder of the
// two sample pages, a file that is not UTF-8 and a PDF picked at once; the label the name does not carry typed in;
// all filed one by one with the progress reaching 2 / 2, per-row results, the refusal and the skip; the
// same pages picked again are reported as duplicates per row, one skipped and one replaced. axe-core on
// the filled page. With a request held mid-run: leaving asks first, and a stop lets the page being filed
// finish and leaves the rest waiting. Screenshots under tests/ui/screenshots/issue-import-*.png.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Page as ListPage, PageImport, Publication } from '@jianbao/contracts';
import { launchBrowser } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { describeViolations, seriousViolations } from './support/axe';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');
const PAGES = join(ROOT, 'tests/fixtures/pages');
const PAGE_1 = '000_7bc5541b3fe100b2.txt';
const PAGE_4 = '004_425bbb1547604c11.txt';
/** `平安` in GBK: not UTF-8. */
const GBK = new Uint8Array([0xc6, 0xbd, 0xb0, 0xb2, 0x0a]);

const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

describe('whole-issue import (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let publication: Publication;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    publication = await callApi<Publication>(server, 'POST', '/api/publications', { name: '济宁日报' });
    dir = mkdtempSync(join(tmpdir(), 'jianbao-issue-'));
    copyFileSync(join(PAGES, PAGE_1), join(dir, PAGE_1));
    copyFileSync(join(PAGES, PAGE_4), join(dir, PAGE_4));
    writeFileSync(join(dir, '第二版.txt'), GBK);
    writeFileSync(join(dir, 'A1.pdf'), '%PDF-1.4\n%âãÏÓ\n');
    mkdirSync(SHOTS, { recursive: true });
    context = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 720 },
      bypassCSP: true, // to inject axe-core
    });
    context.setDefaultTimeout(15000);
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    await loginAs(page, server);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const row = (name: string) => page.locator(`tr[data-file="${name}"]`);
  const pick = (names: string[]) =>
    page.getByTestId('pick-files').setInputFiles(names.map((name) => join(dir, name)));

  it('files a picked issue with progress, refusing, skipping and then reporting duplicates', async () => {
    // Reached from the navigation.
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '整期导入' }).click();
    await page.getByRole('heading', { level: 1, name: '整期导入' }).waitFor();

    await page.getByLabel(/^报刊/).selectOption({ label: '济宁日报' });
    await page.getByLabel(/^出版日期/).fill('2024-10-22');
    // The whole folder, through the folder picker (webkitdirectory).
    await page.getByTestId('pick-folder').setInputFiles(dir);
    await page.getByTestId('issue-summary').waitFor();
    expect(await page.getByTestId('issue-summary').innerText()).toBe(
      '4 个文件：2 个待归档，1 个跳过，1 个拒收',
    );
    // In name order, the label read from each name: 004_… is page 4, 000_… carries none.
    expect(await page.locator('tbody th').allInnerTexts()).toEqual([PAGE_1, PAGE_4, 'A1.pdf', '第二版.txt']);
    expect(await page.getByLabel(`“${PAGE_4}”的版面`).inputValue()).toBe('4');
    expect(await row('第二版.txt').innerText()).toContain('文件“第二版.txt”不是 UTF-8 编码的文本');
    expect(await row('A1.pdf').innerText()).toContain('不是 .txt 文件，不归档');

    // Filing refuses to start while a page has no label, and says where.
    await page.getByRole('button', { name: '全部归档' }).click();
    expect(await page.getByTestId('issue-import-error').innerText()).toContain('有 1 个文件没有版面号');
    const label1 = page.getByLabel(`“${PAGE_1}”的版面`);
    expect(await label1.getAttribute('aria-invalid')).toBe('true');
    await label1.fill('1');

    await page.getByRole('button', { name: '全部归档' }).click();
    await page.getByTestId('issue-progress-count').filter({ hasText: '已归档 2 / 2 版' }).waitFor();
    expect(await page.getByTestId('issue-progress').innerText()).toContain(
      '已处理 2 / 2 版 · 重复 0 · 失败 0',
    );
    for (const name of [PAGE_1, PAGE_4]) {
      expect(await row(name).getAttribute('data-state')).toBe('filed');
      expect(await row(name).getByTestId('row-result').innerText()).toMatch(
        /^\d+ 条剪报，续接已链接 \d+ 条、待确认 \d+ 条（导入 #\d+）$/,
      );
    }
    // Page 4 continues page 1's articles: filed after it, continuations were linked or proposed.
    expect(await row(PAGE_4).getByTestId('row-result').innerText()).not.toContain('已链接 0 条、待确认 0 条');
    expect(await row('第二版.txt').getAttribute('data-state')).toBe('notText');
    expect(await row('A1.pdf').getAttribute('data-state')).toBe('skipped');
    const imports = await callApi<ListPage<PageImport>>(server, 'GET', '/api/imports');
    expect(imports.items.map((i) => i.pageLabel).sort()).toEqual(['1', '4']);
    await page.screenshot({ path: join(SHOTS, 'issue-import-filed.png'), fullPage: true });
    expect(describeViolations(await seriousViolations(page))).toBe('');

    // The same pages again (through the file picker): each reported as a duplicate, never replaced without asking.
    await page.getByRole('button', { name: '清空列表' }).click();
    await pick([PAGE_1, PAGE_4]);
    await page.getByLabel(`“${PAGE_1}”的版面`).fill('1');
    await page.getByRole('button', { name: '全部归档' }).click();
    await page
      .getByTestId('issue-progress')
      .filter({ hasText: '已处理 2 / 2 版 · 重复 2 · 失败 0' })
      .waitFor();
    expect(await page.getByTestId('issue-progress-count').innerText()).toBe('已归档 0 / 2 版');
    for (const name of [PAGE_1, PAGE_4]) {
      expect(await row(name).getByTestId('row-duplicate').innerText()).toMatch(
        /^这一版文本已经归档过（导入 #\d+），没有再次归档。$/,
      );
    }
    await page.screenshot({ path: join(SHOTS, 'issue-import-duplicates.png'), fullPage: true });
    expect((await callApi<ListPage<PageImport>>(server, 'GET', '/api/imports')).total).toBe(2);

    // Skip one, replace the other (an admin).
    await row(PAGE_1).getByRole('button', { name: '跳过' }).click();
    await page.locator(`tr[data-file="${PAGE_1}"][data-state="skippedDuplicate"]`).waitFor();
    expect(await row(PAGE_1).innerText()).toContain('重复，已跳过');
    await row(PAGE_4).getByRole('button', { name: '替换' }).click();
    await row(PAGE_4).getByTestId('row-result').waitFor();
    expect(await row(PAGE_4).innerText()).toMatch(/替换了导入 #\d+。/);
    const after = await callApi<ListPage<PageImport>>(server, 'GET', '/api/imports');
    expect(after.total).toBe(2);

    // The filed row links to the page map.
    await row(PAGE_4).getByRole('link', { name: '查看这一期的版面图' }).click();
    await page.waitForURL(`**/issues/${publication.id}/2024-10-22`);
    expect(unexpected(errors)).toEqual([]);
  });
  it('asks before leaving while it files, and a stop lets the page being filed finish', async () => {
    await callApi<Publication>(server, 'POST', '/api/publications', { name: '安康日报' });
    await page.goto('/import/issue');
    await page.getByLabel(/^报刊/).selectOption({ label: '安康日报' });
    await page.getByLabel(/^出版日期/).fill('2024-10-23');
    await pick([PAGE_1, PAGE_4]);
    await page.getByLabel(`“${PAGE_1}”的版面`).fill('1');
    // Hold the first page's request so the run is caught in the middle.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/imports', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: '全部归档' }).click();
    await page.locator(`tr[data-file="${PAGE_1}"][data-state="filing"]`).waitFor();

    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
    expect(await asked).toContain('整期导入正在进行');
    expect(new URL(page.url()).pathname).toBe('/import/issue');

    await page.getByRole('button', { name: '停止' }).click();
    release();
    await page.getByTestId('issue-stopped').waitFor();
    expect(await page.getByTestId('issue-stopped').innerText()).toBe(
      '已停止：还有 1 版待归档，再点“全部归档”继续。',
    );
    expect(await page.getByTestId('issue-progress-count').innerText()).toBe('已归档 1 / 2 版');
    expect(await row(PAGE_4).getAttribute('data-state')).toBe('pending');
    await page.unroute('**/api/imports');

    await page.getByRole('button', { name: '全部归档' }).click();
    await page.getByTestId('issue-progress-count').filter({ hasText: '已归档 1 / 1 版' }).waitFor();
    expect(await row(PAGE_4).getAttribute('data-state')).toBe('filed');
    expect(unexpected(errors)).toEqual([]);
  });
});
