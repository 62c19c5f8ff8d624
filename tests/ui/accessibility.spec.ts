// axe-core on the main pages (demo data filed): no serious or critical violation on any of them.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Clipping, Page as ListPage } from '@jianbao/contracts';
import { launchBrowser } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { describeViolations, seriousViolations } from './support/axe';
import { type RunningServer, startServer } from './support/server';

describe('accessibility (browser, axe-core)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clippingId: number;

  beforeAll(async () => {
    server = await startServer({
      admin: true,
      env: { DEMO_DATA: 'true', SEED_REGIONS: 'true' },
      timeoutMs: 120000,
    });
    browser = await launchBrowser();
    const list = await callApi<ListPage<Clipping>>(server, 'GET', '/api/clippings?pageSize=1');
    const first = list.items[0];
    if (!first) throw new Error('the demo data filed no clipping');
    clippingId = first.id;
    context = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 720 },
      bypassCSP: true, // to inject axe-core
    });
    context.setDefaultTimeout(10000);
    page = await context.newPage();
    await loginAs(page, server);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const pages: [string, string, (p: Page) => Promise<void>][] = [
    ['dashboard', '/dashboard', (p) => p.locator('jb-bar-chart canvas').first().waitFor()],
    [
      'clipping list',
      '/clippings',
      async (p) => {
        await p
          .getByText(/^共 \d+ 条$/)
          .first()
          .waitFor();
        // The rows' same-story chips (the demo's two papers share a wire story) come after the rows.
        await p.getByTestId('story-mark').first().waitFor({ timeout: 60000 });
      },
    ],
    ['story review', '/stories', (p) => p.locator('li.group').first().waitFor({ timeout: 60000 })],
    ['import wizard', '/import', (p) => p.getByLabel(/^版面文本/).waitFor()],
    [
      'whole-issue import',
      '/import/issue',
      (p) => p.getByRole('heading', { level: 1, name: '整期导入' }).waitFor(),
    ],
    [
      'pages with unassigned lines',
      '/dashboard/unassigned',
      (p) => p.getByTestId('mark-reviewed').first().waitFor(),
    ],
    ['tags', '/tags', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['regions', '/regions', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['waiting parts', '/continuations/waiting', (p) => p.locator('table.data tbody tr').first().waitFor()],
    ['publications', '/publications', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['users', '/admin/users', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['audit log', '/admin/audit', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['trash', '/admin/trash', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ];

  it.each(pages)('%s (%s) has no serious or critical violation', async (_name, path, ready) => {
    await page.goto(path);
    await ready(page);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
  });

  it('the keyboard shortcut overlay (?) has no serious or critical violation', async () => {
    await page.goto('/clippings');
    await page
      .getByText(/^共 \d+ 条$/)
      .first()
      .waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: '键盘快捷键' }).waitFor();
    const violations = await seriousViolations(page);
    await page.keyboard.press('Escape');
    expect(describeViolations(violations)).toBe('');
  });

  it('the clipping page with its continuation panel and history has no serious or critical violation', async () => {
    await page.goto(`/clippings/${clippingId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('region', { name: '修改历史' }).waitFor();
    await page
      .locator('jb-history-panel')
      .getByText(/版本 \d+/)
      .first()
      .waitFor();
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
  });
});
