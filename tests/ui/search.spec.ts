// Full-text search in a real browser against the real backend with the demo data (the two sample
// pages filed at start-up): `/` focuses the top bar's search box, typing 鱼台 suggests 鱼台县 and the
// full-text search, Enter opens the list with q in the URL, the row shows the term highlighted,
// and a facet narrows the list. Screenshots in $UI_SCREENSHOTS (default: the OS temp folder).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Publication } from '@jianbao/contracts';
import { callApi } from './support/api';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { loginAs } from './support/auth';
import { type RunningServer, startServer } from './support/server';

const SHOTS = process.env['UI_SCREENSHOTS'] ?? tmpdir();
/** The school-traffic clipping of the 济宁日报 sample page (校园周边道路交通, 鱼台县). */
const SCHOOL_TRAFFIC = /校|交通|护学/;

describe('full-text search (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({
      admin: true,
      env: { DEMO_DATA: 'true', SEED_REGIONS: 'true' },
      timeoutMs: 120_000,
    });
    browser = await launchBrowser();
    // A brief about 鱼台 besides the demo's article, so that the kind facet has something to narrow.
    const [publication] = await callApi<Publication[]>(server, 'GET', '/api/publications');
    await callApi(server, 'POST', '/api/clippings', {
      publicationId: publication?.id,
      issueDate: '2024-10-23',
      pageLabel: '3',
      kind: 'brief',
      title: '鱼台县举行秋季运动会',
      body: '本报讯 鱼台县第十届中小学生秋季运动会日前开幕。',
    });
  }, 180_000);

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

  it('finds 鱼台 from the global box, highlights it and narrows by a facet', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.locator('tbody tr').first().waitFor();

    // `/` focuses the box from anywhere but a field.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    const box = page.getByTestId('global-search');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('鱼台');
    const suggestions = page.getByTestId('search-suggestions');
    // The school-traffic clipping is the tail of a page-1 story (no headline of its own): the box
    // suggests the county and the full-text search; the list then finds it in the body.
    await suggestions
      .getByRole('link', { name: /鱼台县/ })
      .first()
      .waitFor();
    await suggestions.getByRole('link', { name: /搜索全文“鱼台”/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'search-suggestions.png') });

    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/clippings' && u.searchParams.get('q') === '鱼台');
    // A row of the search (highlighted), not one of the list shown before it.
    const hit = page.locator('tbody tr', { hasText: SCHOOL_TRAFFIC, has: page.locator('mark') }).first();
    await hit.waitFor();
    const marks = await hit.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === '鱼台')).toBe(true);
    const total = Number((await page.getByTestId('list-total').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    // The list's own search field shows the query.
    expect(await page.locator('#f-q').inputValue()).toBe('鱼台');
    await page.screenshot({ path: join(SHOTS, 'search-results.png'), fullPage: true });

    // Narrow by a facet: articles only (the brief goes, the school-traffic article stays), through the URL.
    expect(total).toBeGreaterThanOrEqual(2);
    await page.locator('tbody tr', { hasText: '秋季运动会', has: page.locator('mark') }).waitFor();
    const facets = page.getByTestId('facets');
    const article = facets.locator('[data-facet=kind] button', { hasText: '文章' });
    await article.waitFor();
    const count = Number(await article.locator('.count').textContent());
    expect(count).toBeLessThan(total);
    await article.click();
    await page.waitForURL(
      (u) => u.searchParams.get('kind') === 'article' && u.searchParams.get('q') === '鱼台',
    );
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, count);
    expect(await page.getByTestId('list-total').textContent()).toContain(String(count));
    expect(await page.locator('tbody tr', { hasText: '秋季运动会' }).count()).toBe(0);
    await page.locator('tbody tr', { hasText: SCHOOL_TRAFFIC }).first().waitFor();
    await facets.locator('[data-facet=kind] button.active', { hasText: '文章' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'search-narrowed.png'), fullPage: true });

    // The sidebar keeps a place for saved views (issue 13's saved views fill it).
    expect(await page.getByTestId('views-slot').count()).toBe(1);
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });

  it('applies the list’s search field as one types', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.locator('tbody tr').first().waitFor();
    await page.locator('#f-q').pressSequentially('梁山', { delay: 30 });
    await page.waitForURL((u) => u.searchParams.get('q') === '梁山');
    await page.locator('tbody tr mark', { hasText: '梁山' }).first().waitFor();
  });
});
