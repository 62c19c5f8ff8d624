// The wizard puts the clippings the parser is unsure of first: a real page previewed in Chromium shows
// how many to review, N brings the least sure one into focus, and confirming it takes it off the list.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const PAGE = readFileSync(join(ROOT, 'tests/fixtures/pages-dev/pd_20260623_p20.txt'), 'utf8');
const SHOTS = join(ROOT, 'tests/ui/screenshots');

describe('import wizard: review the least sure first (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    await callApi<Publication>(server, 'POST', '/api/publications', { name: '人民日报' });
    mkdirSync(SHOTS, { recursive: true });
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

  it('counts the unsure clippings, focuses the least sure on N and drops it once confirmed', async () => {
    const { page } = app;
    await page.goto('/import');
    await page.getByLabel(/^报刊/).selectOption({ label: '人民日报' });
    await page.getByLabel(/^出版日期/).fill('2026-06-23');
    await page.getByLabel(/^版面 \*/).fill('20');
    await page.getByLabel(/^版面文本/).fill(PAGE);
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page.getByTestId('wizard-summary').waitFor();

    const bar = page.locator('.review-bar');
    await bar.waitFor();
    const count = async (): Promise<number> =>
      Number(/待核对 (\d+) 条/.exec(await bar.innerText())?.[1] ?? -1);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const flagged = page.locator('jb-clipping-card .card.unsure');
    expect(await flagged.count()).toBe(before);

    // N outside a text field: the least sure clipping comes into focus, with what to check
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const focused = page.locator('jb-clipping-card .card:focus');
    await focused.waitFor();
    expect(await focused.locator('.unsure-badge').innerText()).toMatch(
      /^请核对(起止|标题|署名)（把握 \d+%）$/,
    );
    await page.screenshot({ path: join(SHOTS, 'wizard-review.png'), fullPage: false });

    // typing N in a field types, it does not jump
    const key = await focused.getAttribute('data-key');
    const card = page.locator(`jb-clipping-card [data-key="${key}"]`);
    const title = card.getByLabel('标题', { exact: true });
    await card.getByRole('button', { name: '确认无误' }).click();
    await page.waitForFunction(
      ([n]) =>
        /待核对 (\d+) 条/.exec(document.querySelector('.review-bar')?.textContent ?? '')?.[1] === String(n),
      [before - 1],
    );
    expect(await card.getAttribute('class')).not.toContain('unsure');
    await title.focus();
    await page.keyboard.press('n');
    expect(await title.inputValue()).toMatch(/n$/);
    // a 401 from the session check before login is expected noise
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
