// The work queue of filed pages with unassigned lines in a real browser: the demo data's 济宁 page
// leaves one slogan line unassigned; the dashboard's queue opens the review page, the line is shown,
// "mark reviewed" empties the queue and the navigation's count drops. Screenshot at 1280×720.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { WorkQueues } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

describe('imports with unassigned lines (browser)', () => {
  let browser: Browser;
  let server: RunningServer;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({
      admin: true,
      env: { DEMO_DATA: 'true', SEED_REGIONS: 'true' },
      timeoutMs: 120000,
    });
    app = await openApp(browser, server.url);
    await loginAs(app.page, server);
  });

  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
    await server?.stop();
  });

  it('dashboard queue → the page → the line → mark reviewed → the count drops', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    const before = await callApi<WorkQueues>(server, 'GET', '/api/dashboard/queues');
    expect(before.unassignedImports).toBe(1);

    await page.waitForURL(/\/dashboard$/);
    const queue = page.locator('.queue[data-queue="unassignedImports"]');
    await expect(queue.locator('.count').textContent()).resolves.toBe('1');
    const badge = page.getByTestId('nav-queues').locator('[data-queue="unassignedImports"]');
    await expect(badge.locator('.count').textContent()).resolves.toBe('1');
    await expect(badge.textContent()).resolves.toContain('有未归类行的版面');

    await queue.getByRole('link').click();
    await page.waitForURL(/\/dashboard\/unassigned$/);
    await page.getByRole('heading', { level: 1, name: '有未归类行的版面' }).waitFor();
    const section = page.getByRole('region', { name: /济宁日报 2024-10-22 第 2 版/ });
    await section.getByText('深化移移风易俗 倡树文明新新风').waitFor();
    await expect(section.getByText('1 行未归类').count()).resolves.toBe(1);
    await expect(section.getByText('第 364 行').count()).resolves.toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'unassigned-1280x720.png'), fullPage: false });

    await section.getByRole('button', { name: '标记为已查看' }).click();
    await page
      .getByTestId('unassigned-notice')
      .getByText(/已将 济宁日报 2024-10-22 第 2 版 的未归类行标记为已查看/)
      .waitFor();
    await page.getByText('没有待查看的未归类行。').waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="nav-queues"] [data-queue="unassignedImports"] .count')
          ?.textContent === '0',
    );
    await page.screenshot({ path: join(SHOTS, 'unassigned-reviewed-1280x720.png'), fullPage: false });
    const after = await callApi<WorkQueues>(server, 'GET', '/api/dashboard/queues');
    expect(after.unassignedImports).toBe(0);

    // The audit log names it in Chinese.
    await page.goto('/admin/audit');
    await page.locator('tbody').getByText('查看未归类行').first().waitFor();
    await page.getByText('济宁日报 2024-10-22 版面 2，1 行未归类').first().waitFor();
    expect(unexpected(app.errors)).toEqual([]);
  });
});
