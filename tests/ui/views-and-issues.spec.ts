// Saved views and the issue map (版次) in a real browser, on the demo pages: save the list's search
// as a view, find it in the side navigation with the list's count, open it again and get the same URL
// and rows; open the issue map of the demo pages' date, see its pages in order with their clippings,
// the tails waiting for page 1 marked, and page 1 (not filed) jumping to a prefilled import wizard.
// Screenshots (1280x720) go to $SCREENSHOT_DIR when set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Clipping, Page as ListPage, Publication, SavedView } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { type RunningServer, startServer } from './support/server';

const SHOTS = process.env['SCREENSHOT_DIR'];
const DEMO_DATE = '2024-10-22';

const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('link', { name, exact: true });

/** The list's query params as a sorted list of pairs (the URL's order aside). */
const paramsOf = (url: string): string[][] =>
  [...new URL(url).searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('saved views and the issue map (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let jining: Publication;

  beforeAll(async () => {
    server = await startServer({ admin: true, env: { DEMO_DATA: 'true' } });
    browser = await launchBrowser();
    // The demo pages are filed after start-up: wait for them.
    const deadline = Date.now() + 30000;
    for (;;) {
      const list = await callApi<ListPage<Clipping>>(server, 'GET', '/api/clippings?pageSize=1');
      if (list.total > 0) break;
      if (Date.now() > deadline) throw new Error('the demo pages were not filed');
      await new Promise((r) => setTimeout(r, 300));
    }
    const publications = await callApi<Publication[]>(server, 'GET', '/api/publications');
    const found = publications.find((p) => p.name === '济宁日报');
    if (!found) throw new Error(`no 济宁日报 among ${publications.map((p) => p.name).join(', ')}`);
    jining = found;
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

  it('saves the list search as a view, shows it with its count, and opens the same list again', async () => {
    const { page } = app;
    const query = `publicationId=${jining.id}&kind=article&sort=title`;
    await page.goto(`/clippings?${query}`);
    const rows = page.locator('table.clippings tbody tr');
    await rows.first().locator('a').waitFor();
    const expected = await callApi<ListPage<Clipping>>(server, 'GET', `/api/clippings?${query}`);
    // The rows by their links (clipping and headline). The same-story marks beside them come from a
    // lookup of their own that may answer after the rows are drawn, so they are not compared here.
    const rowLinks = () =>
      rows
        .locator('td.title-cell > a')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('href')} ${e.textContent?.trim()}`));
    const titles = await rowLinks();
    expect(titles).toHaveLength(expected.items.length);
    expect(expected.total).toBeGreaterThan(1);
    const savedUrl = page.url();

    await page.getByRole('button', { name: /保存为视图/ }).click();
    await page.getByLabel('视图名称').fill('济宁 · 文章按标题');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已保存视图“济宁 · 文章按标题”' }).waitFor();

    // In the side navigation, with the list's own count; the list now names the view it shows.
    const link = page.getByTestId('saved-views').getByRole('link', { name: /济宁 · 文章按标题/ });
    await link.filter({ hasText: `${expected.total} 条` }).waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    await page.getByTestId('current-view').filter({ hasText: '济宁 · 文章按标题' }).waitFor();
    const stored = await callApi<SavedView[]>(server, 'GET', '/api/saved-views');
    expect(stored.map((v) => [v.name, v.count])).toEqual([['济宁 · 文章按标题', expected.total]]);
    await shot(page, 'saved-views');

    // Elsewhere, then back through the view: the same URL and the same rows.
    await nav(page, '标签').click();
    await page.waitForURL(/\/tags/);
    expect(await link.getAttribute('aria-current')).toBeNull();
    await link.click();
    await page.waitForURL(/\/clippings\?/);
    expect(paramsOf(page.url())).toEqual(paramsOf(savedUrl));
    await rows.first().locator('a').waitFor();
    expect(await rowLinks()).toEqual(titles);
    expect(await link.getAttribute('aria-current')).toBe('page');

    // A different search is not the view; saving it under the same name re-saves the view.
    await page.goto(`/clippings?publicationId=${jining.id}&sort=title`);
    await rows.first().locator('a').waitFor();
    expect(await link.getAttribute('aria-current')).toBeNull();
    await page.getByRole('button', { name: /保存为视图/ }).click();
    await page.getByLabel('视图名称').fill('济宁 · 文章按标题');
    await page.getByRole('button', { name: '更新视图“济宁 · 文章按标题”' }).click();
    await page.getByRole('status').filter({ hasText: '已更新视图' }).waitFor();
    const all = await callApi<ListPage<Clipping>>(server, 'GET', `/api/clippings?publicationId=${jining.id}`);
    await link.filter({ hasText: `${all.total} 条` }).waitFor();
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('maps the demo issue: pages in order with their clippings, waiting tails marked, page 1 to the wizard', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await nav(page, '版面').click();
    await page.waitForURL(/\/issues$/);
    await page.getByLabel('报刊').selectOption({ label: '济宁日报' });
    await page.getByLabel('出版日期').fill(DEMO_DATE);
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.waitForURL(new RegExp(`/issues/${jining.id}/${DEMO_DATE}$`));
    await page.getByRole('heading', { name: `济宁日报 · ${DEMO_DATE}` }).waitFor();

    const pages = page.locator('li.page');
    await pages.first().waitFor();
    expect(await pages.evaluateAll((els) => els.map((e) => e.getAttribute('data-page')))).toEqual(['1', '2']);
    const page1 = pages.filter({ has: page.getByRole('heading', { name: '第1版' }) });
    const page2 = pages.filter({ has: page.getByRole('heading', { name: '第2版' }) });
    await page1.getByText('未归档').waitFor();
    await page1.getByText(/篇续文指向此版/).waitFor();

    // Page 2's clippings, as the list has them, each linking to itself; its tails wait for page 1.
    const filed = await callApi<ListPage<Clipping>>(
      server,
      'GET',
      `/api/clippings?publicationId=${jining.id}&from=${DEMO_DATE}&to=${DEMO_DATE}&pageSize=200`,
    );
    const links = page2.locator('ul.clippings a');
    expect(await links.count()).toBe(filed.total);
    const tail = filed.items.find((c) => c.continuesFrom !== null && c.previousPartId === null);
    if (!tail) throw new Error('the demo page should have a tail waiting for its head');
    const tailRow = page2
      .locator('ul.clippings li')
      .filter({ has: page.locator(`a[href="/clippings/${tail.id}"]`) });
    await tailRow.getByTestId('waiting-mark').filter({ hasText: '待接上文' }).waitFor();
    expect(await page2.getByTestId('waiting-mark').count()).toBeGreaterThan(0);
    await shot(page, 'issue-map');

    // A title opens its clipping, which links back to its issue.
    await tailRow.locator(`a[href="/clippings/${tail.id}"]`).click();
    await page.waitForURL(new RegExp(`/clippings/${tail.id}$`));
    await page.getByTestId('open-issue').click();
    await page.waitForURL(new RegExp(`/issues/${jining.id}/${DEMO_DATE}$`));

    // Page 1 is not filed: its jump opens the wizard with publication, date and page filled in.
    await page1.getByRole('link', { name: '导入此版' }).click();
    await page.waitForURL(/\/import\?/);
    await page.getByLabel(/^出版日期/).waitFor();
    expect(await page.getByLabel(/^出版日期/).inputValue()).toBe(DEMO_DATE);
    expect(await page.getByLabel(/^版面 \*/).inputValue()).toBe('1');
    expect((await page.getByLabel(/^报刊/).locator('option:checked').textContent())?.trim()).toBe('济宁日报');
    expect(unexpected(app.errors)).toEqual([]);
  });
});
