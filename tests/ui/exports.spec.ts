// Exports and the articles index in a real browser: filing page 1 names each continuation link by its
// title and page; the articles index lists the reassembled articles with their parts' pages and opens
// the reader (subtitle and byline shown); the list exports as CSV (the whole filtered list, then two
// ticked rows) and the downloads are checked; a clipping exports as Markdown and has a print view that
// the print stylesheet reduces to the sheet. Screenshots at 1280x720 go to tests/ui/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { Clipping, ImportResult, Page as ListPage, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const page2 = readFileSync(join(ROOT, 'tests/fixtures/pages/000_7bc5541b3fe100b2.txt'), 'utf8');
const page1 = readFileSync(join(ROOT, 'tests/fixtures/pages/001_synthetic_page1.txt'), 'utf8');
const HEAD_TITLE = '汶上：廉洁教育为青年干部“补钙壮骨”';
const SHOTS = join(ROOT, 'tests/ui/screenshots');

const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('link', { name, exact: true });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Data records of a CSV (header dropped); fields may hold quoted commas and line breaks. */
function csvIds(text: string): number[] {
  const ids: number[] = [];
  let quoted = false;
  let atStart = true;
  let first = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') i += 1;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '\r' && text[i + 1] === '\n') {
      ids.push(Number(first));
      atStart = true;
      first = '';
      i += 1;
      continue;
    } else if (ch === ',') atStart = false;
    else if (atStart) first += ch;
  }
  return ids.slice(1);
}

describe('exports and the articles index (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let jining: Publication;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    jining = await callApi<Publication>(server, 'POST', '/api/publications', { name: '济宁日报' });
    await callApi<ImportResult>(server, 'POST', '/api/imports', {
      text: page2,
      publicationId: jining.id,
      issueDate: '2024-10-22',
      pageLabel: '2',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    app = await openApp(browser, server.url);
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await loginAs(app.page, server);
  });

  afterEach(async () => {
    await app.context.close();
  });

  it('names the links of a filing by title and page, lists the article and reads it with subtitle and byline', async () => {
    const { page } = app;
    await nav(page, '导入').click();
    await page.waitForURL(/\/import$/);
    await page.getByLabel(/^报刊/).selectOption({ label: '济宁日报' });
    await page.getByLabel(/^出版日期/).fill('2024-10-22');
    await page.getByLabel(/^版面 \*/).fill('1');
    await page.getByLabel(/^版面文本/).fill(page1);
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page.getByTestId('wizard-summary').waitFor();
    await page.getByRole('button', { name: '归档', exact: true }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const links = result.locator('ul.links li');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    const first = links.filter({ hasText: HEAD_TITLE });
    await first
      .getByTestId('link-head')
      .filter({ hasText: `${HEAD_TITLE}（第1版）` })
      .waitFor();
    // The tail was filed earlier (page 2): named by its first words and its page once fetched.
    await first
      .getByTestId('link-tail')
      .filter({ hasText: /（第2版）$/ })
      .waitFor();
    expect(await result.locator('ul.links').textContent()).not.toMatch(/#\d+/);
    await result.locator('ul.links').scrollIntoViewIfNeeded();
    await shot(page, 'exports-01-filing-links');

    // Give the head a subtitle (its byline came from the page) to see both in the index and the reader.
    const list = await callApi<ListPage<Clipping>>(server, 'GET', `/api/clippings?pageLabel=1&pageSize=50`);
    const head = list.items.find((c) => c.title === HEAD_TITLE);
    expect(head?.byline).toBe('本报记者 周洁 通讯员 孟凡');
    await callApi(server, 'PATCH', `/api/clippings/${head?.id}`, { subtitle: '量身定制“廉洁第一课”' });

    await nav(page, '续篇文章').click();
    await page.waitForURL(/\/articles$/);
    await page.getByRole('heading', { name: '续篇文章' }).waitFor();
    const row = page.getByTestId('article-row').filter({ hasText: HEAD_TITLE });
    await row.waitFor();
    expect(await page.getByTestId('article-row').count()).toBeGreaterThanOrEqual(3);
    const parts = (await row.locator('.parts li').allTextContents()).map((s) => s.trim());
    expect(parts).toEqual(['济宁日报 2024-10-22 第1版', '济宁日报 2024-10-22 第2版']);
    expect(await row.textContent()).toContain('量身定制“廉洁第一课”');
    expect(await row.textContent()).toContain('本报记者 周洁 通讯员 孟凡');
    await shot(page, 'exports-02-articles-index');

    await row.getByRole('link', { name: HEAD_TITLE }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await page.getByRole('heading', { name: HEAD_TITLE }).waitFor();
    expect((await page.getByTestId('article-subtitle').textContent())?.trim()).toBe('量身定制“廉洁第一课”');
    expect((await page.getByTestId('article-byline').textContent())?.trim()).toBe(
      '本报记者 周洁 通讯员 孟凡',
    );
    await shot(page, 'exports-03-article-reader');
    // On paper: the sheet without navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '导出 Markdown' }).isVisible()).toBe(false);
    expect(await page.getByTestId('article-byline').isVisible()).toBe(true);
    // The sheet takes the page's width (not the sidebar's column, which is hidden).
    expect((await page.locator('article.reader').boundingBox())?.width).toBeGreaterThan(1000);
    await shot(page, 'exports-04-article-print');
    await page.emulateMedia({ media: 'screen' });

    // A part's page in the index opens that clipping.
    await page.goto('/articles');
    await row.getByRole('link', { name: '济宁日报 2024-10-22 第2版' }).click();
    await page.waitForURL(/\/clippings\/\d+$/);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('exports the filtered list and two ticked rows as CSV, a clipping as Markdown and in a print view', async () => {
    const { page } = app;
    await page.goto(`/clippings?publicationId=${jining.id}&pageLabel=2`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const total = (
      await callApi<ListPage<Clipping>>(
        server,
        'GET',
        `/api/clippings?publicationId=${jining.id}&pageLabel=2`,
      )
    ).total;
    expect(total).toBeGreaterThan(2);
    await shot(page, 'exports-05-list');

    const whole = await downloadText(page, () =>
      page.getByRole('link', { name: '导出当前列表 CSV' }).click(),
    );
    expect(whole.name).toMatch(/^clippings-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(whole.text.charCodeAt(0)).toBe(0xfeff);
    expect(whole.text.startsWith('\uFEFF编号,报纸,出版日期,版面,类型,')).toBe(true);
    expect(csvIds(whole.text.slice(1))).toHaveLength(total);
    expect(whole.text).toContain('清风扬帆');

    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(2).getByRole('checkbox').check();
    const picked = await downloadText(page, () =>
      page.getByRole('link', { name: '导出所选 2 条 CSV' }).click(),
    );
    const shownIds = await Promise.all(
      [0, 2].map(async (i) =>
        Number((await rows.nth(i).getByRole('link').first().getAttribute('href'))?.split('/').pop()),
      ),
    );
    expect(csvIds(picked.text.slice(1))).toEqual([...shownIds].sort((a, b) => a - b));
    const json = await downloadText(page, () =>
      page.getByRole('link', { name: '导出所选 2 条 JSON' }).click(),
    );
    const archive = JSON.parse(json.text) as { format: string; clippings: Array<{ id: number }> };
    expect(archive.format).toBe('jianbao-archive');
    expect(archive.clippings.map((c) => c.id)).toEqual([...shownIds].sort((a, b) => a - b));
    await shot(page, 'exports-06-list-selection');

    // One clipping: Markdown, then the print view.
    await rows.nth(0).getByRole('link').first().click();
    await page.waitForURL(/\/clippings\/\d+$/);
    const md = await downloadText(page, () => page.getByTestId('clipping-export-md').click());
    expect(md.name).toMatch(/^clipping-\d+.*\.md$/);
    expect(md.text).toContain('*济宁日报 · 2024-10-22 · 第2版');
    await shot(page, 'exports-07-clipping');
    await page.getByTestId('clipping-print').click();
    await page.waitForURL(/\/clippings\/\d+\/print$/);
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('济宁日报 · 2024-10-22 · 第2版');
    await shot(page, 'exports-08-print-view');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    expect((await sheet.boundingBox())?.width).toBeGreaterThan(1000);
    await shot(page, 'exports-09-print-media');
    expect(unexpected(app.errors)).toEqual([]);
  });
});
