// Continued articles end to end: file page 2 (its tails `（上接1版A）` … wait for their heads), see them on
// the waiting list, file a page 1 whose heads end mid-sentence with `（下转2版A）` …, and read the
// article reassembled across the two pages, with the page boundary, and export it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');

const page2 = readFileSync(join(ROOT, 'tests/fixtures/pages/000_7bc5541b3fe100b2.txt'), 'utf8');
const page1 = readFileSync(join(ROOT, 'tests/fixtures/pages/001_synthetic_page1.txt'), 'utf8');
const HEAD_TITLE = '汶上：廉洁教育为青年干部“补钙壮骨”';

const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('link', { name, exact: true });

/** File one page through the wizard as proposed, and wait for the created list. */
async function filePage(page: Page, text: string, pageLabel: string): Promise<void> {
  await nav(page, '导入').click();
  await page.waitForURL(/\/import$/);
  await page.getByLabel(/^报刊/).selectOption({ label: '济宁日报' });
  await page.getByLabel(/^出版日期/).fill('2024-10-22');
  await page.getByLabel(/^版面 \*/).fill(pageLabel);
  await page.getByLabel(/^版面文本/).fill(text);
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await page.getByTestId('wizard-summary').waitFor();
  await page.getByRole('button', { name: '归档', exact: true }).click();
  await page.getByTestId('import-result').waitFor();
}

describe('continued articles (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    await callApi<Publication>(server, 'POST', '/api/publications', { name: '济宁日报' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    app = await openApp(browser, server.url);
    await loginAs(app.page, server);
  });

  afterEach(async () => {
    await app.context.close();
  });

  it('files the tails, lists them as waiting, links the heads of page 1 and reads the article', async () => {
    const { page } = app;
    await page.goto('/clippings');

    // Page 2 first: three tails wait for their heads on page 1 (A, B, C).
    await filePage(page, page2, '2');
    await nav(page, '待续').click();
    await page.waitForURL(/\/continuations\/waiting/);
    await page.getByRole('heading', { name: '待续的稿件' }).waitFor();
    const rows = page.locator('tbody tr');
    for (const label of ['第1版A', '第1版B', '第1版C']) {
      await rows.filter({ hasText: label }).first().waitFor();
      expect(await rows.filter({ hasText: label }).first().textContent()).toContain('等上文');
    }
    const tailRow = rows.filter({ hasText: '第1版A' }).first();
    expect(await tailRow.getByRole('link').first().getAttribute('href')).toMatch(/^\/clippings\/\d+$/);

    // "Link by hand" opens the part with its manual link search in focus.
    await tailRow.getByRole('link', { name: '手动续接' }).click();
    await page.waitForURL(/\/clippings\/\d+\?link=hand$/);
    await page.getByTestId('continuation-panel').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'continuation-q');
    await page.screenshot({ path: join(SHOTS, 'continuation-link-by-hand.png') });
    await page.goBack();
    await page.waitForURL(/\/continuations\/waiting/);
    await rows.filter({ hasText: '第1版A' }).first().waitFor();

    // The filters live in the URL.
    await page.getByLabel('起始日期').fill('2024-10-22');
    await page.getByLabel('起始日期').dispatchEvent('change');
    await page.waitForURL(/[?&]from=2024-10-22\b/);
    await rows.filter({ hasText: '第1版A' }).first().waitFor();
    await page.goto('/continuations/waiting?from=2024-10-23');
    await page.getByText('没有待续的稿件').waitFor();

    // Page 1: its heads end mid-sentence with （下转2版A） …; filing links (or proposes) them.
    await filePage(page, page1, '1');
    const result = page.getByTestId('import-result');
    expect(await result.locator('ul.links li').count()).toBeGreaterThanOrEqual(3);

    // The head's page: the continuation panel shows the chain (accepting the proposal if it is one).
    await result.getByRole('link', { name: HEAD_TITLE, exact: true }).click();
    await page.waitForURL(/\/clippings\/\d+$/);
    const panel = page.getByTestId('continuation-panel');
    await panel.waitFor();
    const accept = panel.getByRole('button', { name: '确认' });
    await panel.locator('.chain, .suggestion').first().waitFor();
    if ((await panel.locator('.chain').count()) === 0) await accept.first().click();
    await panel.locator('.chain li').nth(1).waitFor();
    expect(await panel.locator('.chain li[aria-current="true"]').textContent()).toContain(HEAD_TITLE);
    expect(await panel.locator('.chain li').nth(1).textContent()).toContain('第2版');

    // The reader: the body reassembled across pages, with the boundary between them.
    await panel.getByRole('link', { name: '阅读全文' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await page.getByRole('heading', { name: HEAD_TITLE }).waitFor();
    const boundary = page.getByRole('separator');
    await boundary.waitFor();
    expect((await boundary.textContent())?.trim()).toBe('— 第2版 —');
    const body = (await page.locator('.body').textContent()) ?? '';
    expect(body.indexOf('引导青年干部以清廉之风涵养为政之德')).toBeGreaterThanOrEqual(0);
    expect(body.indexOf('— 第2版 —')).toBeGreaterThan(body.indexOf('乘着'));
    expect(body.indexOf('清风扬帆，锻造忠诚廉洁的青年干')).toBeGreaterThan(body.indexOf('— 第2版 —'));
    expect(body).not.toContain('下转');
    expect(body).not.toContain('上接');

    // Export as Markdown: a real download from the export endpoint.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toContain('清风扬帆');

    // The linked tails no longer wait.
    await page.goto('/continuations/waiting');
    await page.getByRole('heading', { name: '待续的稿件' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody').textContent()).not.toContain('第1版A');

    expect(unexpected(app.errors)).toEqual([]);
  });
});
