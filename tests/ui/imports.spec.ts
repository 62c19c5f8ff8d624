// The import wizard in a real browser against the real backend and the built app: paste a sample page,
// preview it, see the proposed clippings and the unassigned bin, change a kind, file it, see what was
// created; the same page again is flagged by the preview and filing it offers to replace the earlier import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Clipping, Page as ListPage, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const PAGE_004 = readFileSync(join(ROOT, 'tests/fixtures/pages/004_425bbb1547604c11.txt'), 'utf8');

/** Browser noise that is expected when the API answers 4xx on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

/** Fill the wizard's form with a page and preview it. */
async function previewPage(page: Page, text: string, pageLabel: string): Promise<void> {
  await page.getByLabel(/^报刊/).selectOption({ label: '安康日报' });
  await page.getByLabel(/^出版日期/).fill('2024-10-22');
  await page.getByLabel(/^版面 \*/).fill(pageLabel);
  await page.getByLabel(/^版面文本/).fill(text);
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await page.getByTestId('wizard-summary').waitFor();
}

describe('import wizard (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    await callApi<Publication>(server, 'POST', '/api/publications', { name: '安康日报' });
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

  it('previews a page, edits a kind, files it, and offers to replace it when filed again', async () => {
    const { page } = app;
    await page.goto('/import');
    await previewPage(page, PAGE_004, '4');

    // Both panes: every source line numbered and coloured, the proposed clippings as cards.
    const source = page.getByRole('list', { name: '原文' });
    expect(await source.locator('li.line').count()).toBe(PAGE_004.split('\n').length);
    expect(await source.locator('li.role-jump, li.role-title').count()).toBeGreaterThan(0);
    const cards = page.locator('jb-clipping-card');
    const cardCount = await cards.count();
    expect(cardCount).toBeGreaterThanOrEqual(3);
    await page
      .getByRole('article', { name: '剪报 3', exact: true })
      .getByLabel('标题', { exact: true })
      .waitFor();
    expect(
      await page
        .getByRole('article', { name: '剪报 3', exact: true })
        .getByLabel('标题', { exact: true })
        .inputValue(),
    ).toBe('向“新”而进 聚力前行');
    expect(await cards.first().textContent()).toContain('上接：(上接一版)');
    // The unassigned bin is always there, even when the parser left nothing in it.
    const bin = page.getByRole('region', { name: /^未归类的行/ });
    await bin.waitFor();
    expect(await bin.isVisible()).toBe(true);

    // Change the kind of the first clipping, then file.
    await page
      .getByRole('article', { name: '剪报 1', exact: true })
      .getByLabel('类型', { exact: true })
      .selectOption({ label: '简讯' });
    await page.getByRole('button', { name: '归档', exact: true }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`已归档 ${cardCount} 条剪报`);
    const created = result.locator('ol.created a');
    expect(await created.count()).toBe(cardCount);
    expect(await created.first().getAttribute('href')).toMatch(/^\/clippings\/\d+$/);

    // The edit was filed: the page's clippings include a brief.
    const filed = await callApi<ListPage<Clipping>>(server, 'GET', '/api/clippings?pageLabel=4&pageSize=50');
    expect(filed.items.map((c) => c.kind)).toContain('brief');
    expect(filed.items).toHaveLength(cardCount);

    // A created clipping opens from the list.
    await created.first().click();
    await page.waitForURL(/\/clippings\/\d+$/);

    // The same page again: the preview says it was filed; filing shows the earlier import and a replace action.
    await page.goto('/import');
    await previewPage(page, PAGE_004, '4');
    await page.getByTestId('duplicate').waitFor();
    await page.getByRole('button', { name: '归档', exact: true }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/已经归档过（导入 #\d+）/);
    await conflict.getByRole('button', { name: '替换' }).click();
    await page.getByTestId('import-result').waitFor();
    const after = await callApi<ListPage<Clipping>>(server, 'GET', '/api/clippings?pageLabel=4&pageSize=50');
    expect(after.items).toHaveLength(cardCount);

    expect(unexpected(app.errors)).toEqual([]);
  });

  it('moves a line from the source pane to the unassigned bin and back', async () => {
    const { page } = app;
    await page.goto('/import');
    await previewPage(page, PAGE_004, '4');
    const bin = page.getByRole('region', { name: /^未归类的行/ });
    const before = await bin.locator('li').count();
    await page.locator('li[data-line="82"] button').click();
    await page.getByRole('button', { name: '移到未归类' }).click();
    await bin.locator('li').nth(before).waitFor();
    expect(await bin.textContent()).toContain('(新华社北京10月21日电)');
    const moved = bin.locator('li').filter({ hasText: '(新华社北京10月21日电)' });
    await moved.getByRole('button', { name: '移入' }).click();
    await moved.waitFor({ state: 'detached' });
    expect(await bin.locator('li').count()).toBe(before);
    expect(unexpected(app.errors)).toEqual([]);
  });
});
