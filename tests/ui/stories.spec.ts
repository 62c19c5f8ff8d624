// Story review in a real browser: after the demo data (the 济宁 and 安康 sample pages) loads, the
// clipping list marks both filings of the wire story with a chip linking to their group (screenshot
// tests/ui/screenshots/list-story-marks.png, 1280×720); the
// review queue shows the proposed group between the two papers; its page shows both texts with their
// overlap and the two versions side by side with the differences marked (a screenshot is written to
// tests/ui/screenshots/stories-side-by-side.png); confirming it moves it out of the proposals.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { StoryGroupPage } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');

/** The demo pages are filed after start-up: wait until the proposed group is there. */
async function waitForGroups(server: RunningServer): Promise<StoryGroupPage> {
  const until = Date.now() + 60_000;
  for (;;) {
    const page = await callApi<StoryGroupPage>(server, 'GET', '/api/stories');
    if (page.total > 0 || Date.now() > until) return page;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('story review (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({
      admin: true,
      env: { DEMO_DATA: 'true', SEED_REGIONS: 'true' },
      timeoutMs: 240_000,
    });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
    await server?.stop();
  });

  // Start-up seeds the gazetteer and files the demo pages: slow on a loaded machine.
  it("marks the two sample papers' wire story on the list rows, shows the group, the texts side by side, and confirms it", async () => {
    const groups = await waitForGroups(server);
    expect(groups.counts).toEqual({ proposed: 1, confirmed: 0 });
    const papers = groups.items[0]!.members.map((m) => m.publicationName).sort();
    expect(papers).toEqual(['安康日报', '济宁日报']);

    app = await openApp(browser, server.url);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAs(page, server);

    // The list marks both filings of the wire story, as proposed, and the chip opens the group.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}/clippings?q=${encodeURIComponent('大国工匠')}`);
    const chips = page.getByTestId('story-mark');
    await chips.first().waitFor();
    const memberIds = groups.items[0]!.members.map((m) => m.clippingId);
    for (const id of memberIds) {
      const row = page.locator('tbody tr').filter({ has: page.locator(`a[href="/clippings/${id}"]`) });
      await row.getByTestId('story-mark').filter({ hasText: '疑似同稿 2' }).waitFor();
      expect(await row.getByTestId('story-mark').getAttribute('href')).toBe(
        `/stories/${groups.items[0]!.id}`,
      );
    }
    expect(await chips.first().getAttribute('title')).toMatch(/^疑似与另外 1 篇稿件是同一通稿（待审核）/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'list-story-marks.png') });
    await chips.first().click();
    await page.waitForURL(`**/stories/${groups.items[0]!.id}`);
    await page.getByTestId('story-compare').waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: '同稿审核' }).click();
    await page.getByTestId('stories-proposed').filter({ hasText: '待审核 1' }).waitFor();
    const group = page.locator('li.group').first();
    await group.getByText('济宁日报').waitFor();
    await group.getByText('安康日报').waitFor();

    await group.getByRole('link', { name: '审核' }).click();
    const compare = page.getByTestId('story-compare');
    await compare.waitFor();
    // The 安康 copy is the tail only: its column marks a little, the whole text's column marks its head.
    await compare.getByRole('heading', { name: /济宁日报/ }).waitFor();
    await compare.getByRole('heading', { name: /安康日报/ }).waitFor();
    expect(await compare.locator('.column.left del').count()).toBeGreaterThan(0);
    const onlyLeft = (await compare.locator('.column.left del').allTextContents()).join('');
    expect(onlyLeft).toContain('产业工人是工人阶级的主体力量');
    const rows = page.locator('tr[data-member]');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).locator('td.num').last().textContent()).toMatch(/\d+%/);
    await page.screenshot({ path: join(SHOTS, 'stories-side-by-side.png'), fullPage: true });

    await page.getByRole('button', { name: '确认同稿' }).click();
    await page.getByText('已确认这一组同稿。').waitFor();
    await page.getByTestId('story-status').filter({ hasText: '已确认' }).waitFor();
    const after = await callApi<StoryGroupPage>(server, 'GET', '/api/stories');
    expect(after.counts).toEqual({ proposed: 0, confirmed: 1 });

    // Confirmed, the list's chips say so in words.
    await page.goto(`${server.url}/clippings?q=${encodeURIComponent('大国工匠')}`);
    await page
      .getByTestId('story-mark')
      .filter({ hasText: /^同稿 2$/ })
      .first()
      .waitFor();
    expect(await page.getByTestId('story-mark').filter({ hasText: '疑似' }).count()).toBe(0);
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 180_000);
});
