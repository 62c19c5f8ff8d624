// Tagging in a real browser against the real backend and the built app: a tag with an `any` rule
// (明信片), its live "would match N" preview, applying it and filtering by the tag; bulk-setting the
// status of everything matching a filter after the count confirmation; and the region tree down to
// 梁山县, whose count opens the filtered clippings list.
//
// Data: the demo pages the backend files on first start. When a fresh database has no clippings (the
// seeding is not there yet), the sample page is filed through the API first, as an archivist would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SAMPLE_PAGE = join(ROOT, 'tests/fixtures/pages/000_7bc5541b3fe100b2.txt');

/** Browser noise that is expected when the API answers 4xx on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

/** Make sure there are clippings to tag: the demo data, or the sample page filed through the API. */
async function ensureClippings(server: RunningServer): Promise<void> {
  const { total } = await callApi<{ total: number }>(server, 'GET', '/api/clippings?pageSize=1');
  if (total > 0) return;
  const publication = await callApi<{ id: number }>(server, 'POST', '/api/publications', {
    name: '济宁日报',
    homeRegionCode: '370800',
  });
  await callApi(server, 'POST', '/api/imports', {
    text: readFileSync(SAMPLE_PAGE, 'utf8'),
    publicationId: publication.id,
    issueDate: '2024-03-05',
    pageLabel: '3',
  });
}

/** The number in "共 N 条" / "将匹配 N 条剪报" style texts. */
async function numberIn(page: Page, pattern: RegExp): Promise<number> {
  const locator = page.getByText(pattern).first();
  await locator.waitFor();
  const match = pattern.exec((await locator.textContent()) ?? '');
  if (!match?.[1]) throw new Error(`no number in ${pattern}`);
  return Number(match[1]);
}

describe('tagging (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({ admin: true, env: { SEED_REGIONS: 'true' } }); // the region tree needs the gazetteer
    browser = await launchBrowser();
    await ensureClippings(server);
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
    await app?.context.close();
  });

  it('creates a tag with an `any` rule, previews it, applies it and filters the list by it', async () => {
    const { page } = app;
    await page.goto('/tags');
    await page.getByLabel(/^标签名称/).fill('明信片');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const row = page.getByRole('treeitem', { name: '明信片' });
    await row.waitFor();

    await row.getByRole('button', { name: '规则', exact: true }).click();
    await row.getByLabel('匹配方式').selectOption('any');
    await row.getByLabel('关键词（每行一个）').fill('明信片');
    const wouldMatch = await numberIn(page, /将匹配 (\d+) 条剪报/);
    expect(wouldMatch).toBeGreaterThan(0);

    await row.getByRole('button', { name: '保存规则' }).click();
    await row.getByText('规则已保存').waitFor();
    await row.getByRole('button', { name: '应用到已有剪报' }).click();
    const toApply = await numberIn(page, /将为 (\d+) 条剪报加上标签/);
    expect(toApply).toBe(wouldMatch);
    await row.getByRole('button', { name: '确认应用' }).click();
    expect(await numberIn(page, /已为 (\d+) 条剪报加上标签/)).toBe(toApply);

    await page.goto('/clippings');
    await page.getByLabel('标签', { exact: true }).selectOption({ label: '明信片' });
    await page.waitForURL(/[?&]tagId=\d+/);
    // The total updates once the filtered list has loaded; wait for it rather than read a stale one.
    await page.getByText(new RegExp(`共 ${toApply} 条`)).waitFor();
    await page.getByRole('row').filter({ hasText: '明信片' }).first().waitFor();
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('selects all clippings matching a filter and sets their status after the count confirmation', async () => {
    const { page } = app;
    await page.goto('/clippings?status=draft');
    const drafts = await numberIn(page, /共 (\d+) 条/);
    expect(drafts).toBeGreaterThan(0);

    const bar = page.getByRole('region', { name: '批量修改' });
    await bar.getByRole('button', { name: `选择全部 ${drafts} 条符合筛选条件的剪报` }).click();
    await bar.getByText(`已选择全部 ${drafts} 条符合筛选条件的剪报`).waitFor();
    await bar.getByLabel('操作').selectOption('status');
    await bar.getByLabel('值').selectOption('reviewed');
    await bar.getByRole('button', { name: /^应用/ }).click();
    await bar.getByRole('alertdialog').getByText(`将修改 ${drafts} 条剪报`).waitFor();
    await bar.getByRole('button', { name: '确认修改' }).click();
    await bar.getByText(`已修改 ${drafts} 条剪报`).waitFor();
    // The list reloads under the same filter: no drafts are left.
    await page.getByText('没有符合条件的剪报').waitFor();

    await page.goto('/clippings?status=reviewed');
    expect(await numberIn(page, /共 (\d+) 条/)).toBeGreaterThanOrEqual(drafts);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('walks the region tree to 梁山县 and opens its clippings', async () => {
    const { page } = app;
    await page.goto('/regions');
    await page.getByRole('button', { name: '展开山东省' }).click();
    await page.getByRole('button', { name: '展开济宁市' }).click();
    const count = page.getByRole('link', { name: /^查看梁山县的 \d+ 条剪报$/ });
    const label = (await count.getAttribute('aria-label')) ?? '';
    const n = Number(/(\d+) 条/.exec(label)?.[1]);
    expect(n).toBeGreaterThan(0);
    await count.click();
    await page.waitForURL(/\/clippings\?regionId=\d+$/);
    expect(await numberIn(page, /共 (\d+) 条/)).toBe(n);
    expect(await page.getByLabel('地区', { exact: true }).inputValue()).toContain('梁山县');
    expect(unexpected(app.errors)).toEqual([]);
  });
});
