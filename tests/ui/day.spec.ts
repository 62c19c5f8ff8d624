// Issue 14's whole day at the desk, in Debian's Chromium and in zh-CN, as one scenario in order:
// an admin creates an editor's account in the UI; the editor logs in, files the 济宁日报 sample page
// through the import wizard (splitting one proposed clipping and merging it back together), confirms a
// clipping's regions and adds a topic, files a page 1 carrying the heads (`下转`) and sees the
// continuation linked and the article reassembled in the reader, searches 鱼台 with the global box,
// confirms the proposed story between the two papers on /stories, bulk-tags the search result, exports
// the list as CSV through the export link and reads it back (BOM, header, the list's rows); the page
// is filed again with 替换 (an admin's action: the editor is told so) and the edits made before are
// still there. A screenshot of every step goes to tests/ui/screenshots/day-NN-<step>.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import type { Clipping, Page as ListPage, Publication, StoryGroupPage, Tag } from '@jianbao/contracts';
import { parseCsv, ZH_CSV_HEADER } from '../fixtures/csv';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs, logout } from './support/auth';
import { ROOT, type RunningServer, type TestAccount, startServer } from './support/server';

const PAGE_JINING = readFileSync(join(ROOT, 'tests/fixtures/pages/000_7bc5541b3fe100b2.txt'), 'utf8');
const PAGE_ANKANG = readFileSync(join(ROOT, 'tests/fixtures/pages/004_425bbb1547604c11.txt'), 'utf8');
const PAGE_ONE = readFileSync(join(ROOT, 'tests/fixtures/pages/001_synthetic_page1.txt'), 'utf8');
const SHOTS = join(ROOT, 'tests/ui/screenshots');

const EDITOR: TestAccount = { username: '李编辑', password: '剪报编辑-2024-秋' };
const LIANGSHAN = '小小明信片倡树大文明';
const LIANGSHAN_EDITED = '梁山小小明信片倡树大文明';
const HEAD_TITLE = '汶上：廉洁教育为青年干部“补钙壮骨”';
const TOPIC = '精神文明';
const SCHOOL_TOPIC = '校园安全';

/** English as the server and class-validator write it: none of it may reach the zh-CN screen. */
const SERVER_ENGLISH = /must be|should not|characters|Bad Request|Not Found|Forbidden|Conflict|only admins/;

/** Browser noise that is expected when the API answers 4xx on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

let step = 0;
async function shot(page: Page, name: string): Promise<void> {
  step += 1;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `day-${String(step).padStart(2, '0')}-${name}.png`) });
}

async function expectNoServerEnglish(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(SERVER_ENGLISH);
}

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });

const card = (page: Page, n: number): Locator =>
  page.getByRole('article', { name: `剪报 ${n}`, exact: true });

/** Fill the wizard's page details and text, and preview. */
async function previewPage(page: Page, text: string, pageLabel: string): Promise<void> {
  await page.getByLabel(/^报刊/).selectOption({ label: '济宁日报' });
  await page.getByLabel(/^出版日期/).fill('2024-10-22');
  await page.getByLabel(/^版面 \*/).fill(pageLabel);
  await page.getByLabel(/^版面文本/).fill(text);
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await page.getByTestId('wizard-summary').waitFor();
}

/** The id in a row's first link (`/clippings/:id`). */
async function rowIds(rows: Locator): Promise<number[]> {
  const hrefs = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('a[href^="/clippings/"]')?.getAttribute('href') ?? ''),
  );
  return hrefs.map((h) => Number(h.split('/').pop()));
}

describe("a day at the editor's desk (browser, zh-CN)", () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    // The gazetteer is needed for regions; the demo pages are not filed: the editor files them.
    server = await startServer({ admin: true, env: { SEED_REGIONS: 'true' }, timeoutMs: 240_000 });
    browser = await launchBrowser();
    // What the desk had before the day: the two papers, the topics, and the 安康 page filed by a colleague.
    const jining = await callApi<Publication>(server, 'POST', '/api/publications', {
      name: '济宁日报',
      homeRegionCode: '370800',
    });
    const ankang = await callApi<Publication>(server, 'POST', '/api/publications', { name: '安康日报' });
    for (const name of [TOPIC, SCHOOL_TOPIC]) await callApi<Tag>(server, 'POST', '/api/tags', { name });
    await callApi(server, 'POST', '/api/imports', {
      text: PAGE_ANKANG,
      publicationId: ankang.id,
      issueDate: '2024-10-22',
      pageLabel: '2',
    });
    expect(jining.id).toBeGreaterThan(0);
  }, 300_000);

  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
    await server?.stop();
  });

  it('goes through the day in order', async () => {
    app = await openApp(browser, server.url);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });

    // 1. The admin creates the editor's account in the user form.
    await loginAs(page, server);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.locator('#new-user-username').fill(EDITOR.username);
    await page.locator('#new-user-password').fill(EDITOR.password);
    await page.locator('#new-user-role').selectOption({ label: '编辑' });
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已创建用户“${EDITOR.username}”` })
      .waitFor();
    await page.locator('tbody tr', { hasText: EDITOR.username }).waitFor();
    await shot(page, 'admin-creates-editor');
    await logout(page);

    // 2. The editor logs in through the login page and lands on the dashboard.
    await loginAs(page, server, EDITOR.username, EDITOR.password);
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('.sidebar').innerText()).toContain(EDITOR.username);
    await shot(page, 'editor-logged-in');

    // 3. The 济宁 page in the wizard: eight proposed clippings beside the source lines.
    await nav(page, '导入').click();
    await page.waitForURL(/\/import$/);
    await previewPage(page, PAGE_JINING, '2');
    expect(await page.getByTestId('wizard-summary').innerText()).toMatch(/^8 条剪报/);
    expect(await card(page, 2).getByLabel('标题', { exact: true }).inputValue()).toBe(LIANGSHAN);
    await shot(page, 'wizard-proposed');

    // 4. A proposed split fixed: the 鱼台 tail (clipping 8) is split at a line, which makes two
    //    clippings of one article; merging clipping 8 with the next puts it back in one piece.
    const body8 = card(page, 8).getByLabel('正文', { exact: true });
    const wholeBody = await body8.inputValue();
    expect(wholeBody.startsWith('身着鲜亮红色护学马甲')).toBe(true);
    const splitLine = page.locator('li.line', { hasText: '鱼台第二实验中学对面的龙城公馆小' });
    await splitLine.getByRole('button').click();
    await page.getByRole('button', { name: '从此行拆分' }).click();
    await page
      .getByTestId('wizard-summary')
      .filter({ hasText: /^9 条剪报/ })
      .waitFor();
    expect(await body8.inputValue()).toBe('身着鲜亮红色护学马甲的县第二实验中学小学部主任闫兵深有感触。');
    const body9 = await card(page, 9).getByLabel('正文', { exact: true }).inputValue();
    expect(body9.startsWith('鱼台第二实验中学对面的龙城公馆小')).toBe(true);
    await card(page, 8).scrollIntoViewIfNeeded();
    await shot(page, 'wizard-split');
    await card(page, 8).getByRole('button', { name: '与下一条合并' }).click();
    await page
      .getByTestId('wizard-summary')
      .filter({ hasText: /^8 条剪报/ })
      .waitFor();
    expect(await body8.inputValue()).toBe(wholeBody);
    await card(page, 8).scrollIntoViewIfNeeded();
    await shot(page, 'wizard-merged-back');

    // 5. Filed: eight clippings; the three tails wait for their heads on page 1.
    await page.getByRole('button', { name: '归档', exact: true }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getByRole('status').innerText()).toContain('已归档 8 条剪报');
    await shot(page, 'filed');

    // 6. The 梁山 clipping: its region detected by rule (梁山县) is confirmed by marking it reviewed,
    //    the title gets its place name, and the topic 精神文明 is added.
    await result.getByRole('link', { name: LIANGSHAN, exact: true }).click();
    await page.waitForURL(/\/clippings\/\d+$/);
    const liangshanId = Number(page.url().split('/').pop());
    const regionChips = page.locator('li.chip.region');
    await regionChips.first().waitFor();
    expect((await regionChips.allInnerTexts()).map((s) => s.replace(/\s+/g, ''))).toEqual(['梁山县规则×']);
    // The kicker 梁山 goes into the title, as the paper's index prints it.
    expect(await page.getByLabel(/^引题/).inputValue()).toBe('梁山');
    await page.getByLabel(/^引题/).fill('');
    await page.getByLabel(/^标题/).fill(LIANGSHAN_EDITED);
    await page.getByLabel(/^状态/).selectOption({ label: '已审' });
    const tagBox = page.getByLabel('添加标签');
    await tagBox.fill(TOPIC);
    await tagBox.press('Enter');
    await page.locator('li.chip:not(.region)', { hasText: TOPIC }).waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await page.locator('section.panel.links').scrollIntoViewIfNeeded();
    await shot(page, 'regions-confirmed-topic-added');
    const saved = await callApi<Clipping>(server, 'GET', `/api/clippings/${liangshanId}`);
    expect(saved.title).toBe(LIANGSHAN_EDITED);
    expect(saved.kicker).toBeNull();
    expect(saved.status).toBe('reviewed');
    expect(saved.tags.map((t) => t.name)).toEqual([TOPIC]);
    expect(saved.regions.map((r) => r.name)).toEqual(['梁山县']);

    // 7. Page 1 with the heads (下转2版A/B/C): filing links them to the waiting tails.
    await nav(page, '导入').click();
    await page.waitForURL(/\/import$/);
    await previewPage(page, PAGE_ONE, '1');
    await page.getByRole('button', { name: '归档', exact: true }).click();
    await result.waitFor();
    const links = result.locator('ul.links li');
    expect(await links.count()).toBe(3);
    await links
      .filter({ hasText: HEAD_TITLE })
      .getByTestId('link-tail')
      .filter({ hasText: /（第2版）$/ })
      .waitFor();
    await result.locator('ul.links').scrollIntoViewIfNeeded();
    await shot(page, 'page1-linked');

    // 8. The head's continuation panel shows the chain; the reader shows the article in one piece.
    await result.getByRole('link', { name: HEAD_TITLE, exact: true }).first().click();
    await page.waitForURL(/\/clippings\/\d+$/);
    const panel = page.getByTestId('continuation-panel');
    await panel.locator('.chain, .suggestion').first().waitFor();
    if ((await panel.locator('.chain').count()) === 0) {
      await panel.getByRole('button', { name: '确认' }).first().click();
    }
    await panel.locator('.chain li').nth(1).waitFor();
    expect(await panel.locator('.chain li').nth(1).innerText()).toContain('第2版');
    await panel.getByRole('link', { name: '阅读全文' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await page.getByRole('heading', { name: HEAD_TITLE }).waitFor();
    const body = await page.locator('.body').innerText();
    expect(body.indexOf('— 第2版 —')).toBeGreaterThan(body.indexOf('乘着'));
    expect(body.indexOf('清风扬帆')).toBeGreaterThan(body.indexOf('— 第2版 —'));
    expect(body).not.toMatch(/下转|上接/);
    await shot(page, 'article-reassembled');

    // 9. 鱼台 in the global search box: the list opens with the hits highlighted.
    await page.getByTestId('global-search').fill('鱼台');
    await page.getByTestId('global-search').press('Enter');
    await page.waitForURL((u) => u.pathname === '/clippings' && u.searchParams.get('q') === '鱼台');
    const rows = page.locator('tbody tr');
    const hit = rows.filter({ has: page.locator('mark', { hasText: '鱼台' }) });
    await hit.first().waitFor();
    const total = Number((await page.getByTestId('list-total').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(2); // the page-1 head and its page-2 tail
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, total);
    expect(await hit.count()).toBe(total);
    await shot(page, 'search-yutai');

    // 10. The proposed story between the two papers, reviewed and confirmed.
    const before = await callApi<StoryGroupPage>(server, 'GET', '/api/stories');
    expect(before.counts).toEqual({ proposed: 1, confirmed: 0 });
    const storyQueue = page.locator('[data-testid="nav-queues"] [data-queue="sameStory"]');
    await storyQueue.locator('.count', { hasText: /^1$/ }).waitFor();
    await storyQueue.click();
    await page.waitForURL(/\/stories/);
    await page.getByTestId('stories-proposed').filter({ hasText: '待审核 1' }).waitFor();
    const group = page.locator('li.group').first();
    await group.getByText('济宁日报').waitFor();
    await group.getByText('安康日报').waitFor();
    await group.getByRole('link', { name: '审核' }).click();
    await page.getByTestId('story-compare').waitFor();
    await page.getByRole('button', { name: '确认同稿' }).click();
    await page.getByText('已确认这一组同稿。').waitFor();
    await page.getByTestId('story-status').filter({ hasText: '已确认' }).waitFor();
    await shot(page, 'story-confirmed');
    const after = await callApi<StoryGroupPage>(server, 'GET', '/api/stories');
    expect(after.counts).toEqual({ proposed: 0, confirmed: 1 });

    // 11. Bulk-tag the 鱼台 search result: every match gets 校园安全.
    await page.goBack();
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/clippings' && u.searchParams.get('q') === '鱼台');
    await hit.first().waitFor();
    const bar = page.getByRole('region', { name: '批量修改' });
    for (let i = 0; i < total; i += 1) await rows.nth(i).getByRole('checkbox').check();
    await bar.getByText(`已选 ${total} 条`).waitFor();
    await bar.getByLabel('操作').selectOption({ label: '添加标签' });
    await bar.getByLabel('值').selectOption({ label: SCHOOL_TOPIC });
    await bar.getByRole('button', { name: /^应用/ }).click();
    await bar.getByRole('alertdialog').getByText(`将修改 ${total} 条剪报`).waitFor();
    await bar.getByRole('button', { name: '确认修改' }).click();
    await bar.getByText(`已修改 ${total} 条剪报`).waitFor();
    await page.waitForFunction(
      ([name, n]) =>
        Array.from(document.querySelectorAll('tbody tr')).filter((tr) =>
          Array.from(tr.querySelectorAll('.chip.tag')).some((c) => c.textContent?.trim() === name),
        ).length === n,
      [SCHOOL_TOPIC, total] as const,
    );
    // The review queue's count went down with the confirmation.
    await storyQueue.locator('.count', { hasText: /^0$/ }).waitFor();
    await shot(page, 'bulk-tagged');

    // 12. Export the list as CSV through its link and read the file: BOM, header, the list's rows.
    const exportLink = page.getByRole('link', { name: '导出当前列表 CSV' });
    await exportLink.waitFor();
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download'),
      exportLink.click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^clippings-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...records] = parseCsv(csv.slice(1));
    expect(header).toEqual(ZH_CSV_HEADER);
    expect(records.map((r) => Number(r[0]))).toEqual(await rowIds(rows));
    for (const r of records) {
      expect(r).toHaveLength(header?.length ?? 0);
      expect(r[1]).toBe('济宁日报');
      expect(r[2]).toBe('2024-10-22');
      expect(`${r[6]}${r[10]}`).toContain('鱼台');
      expect(r[11]).toContain(SCHOOL_TOPIC);
    }
    await shot(page, 'csv-exported');

    // 13. Page 2 again: the wizard lists the work done since filing; replacing is for admins, the
    //     editor is told so in Chinese.
    await nav(page, '导入').click();
    await page.waitForURL(/\/import$/);
    await previewPage(page, PAGE_JINING, '2');
    const duplicate = page.getByTestId('duplicate');
    await duplicate.waitFor();
    expect(await duplicate.innerText()).toContain('这一版文本已经归档过');
    expect(await duplicate.innerText()).toContain(LIANGSHAN_EDITED);
    await duplicate.getByText('替换会删除已归档的剪报，只有管理员可以替换。').waitFor();
    await expectNoServerEnglish(page);
    await shot(page, 'refile-editor-told-admin-only');
    // The editor leaves it to the admin: the draft is discarded (after the wizard asks, in Chinese).
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole('button', { name: '丢弃草稿' }).click();
    expect(await asked).toMatch(/\p{Script=Han}/u);
    await page.getByRole('status').filter({ hasText: '草稿已丢弃' }).waitFor();

    // 14. The admin files it again with 替换, carrying the work over.
    await logout(page);
    await loginAs(page, server);
    await page.goto('/import');
    await previewPage(page, PAGE_JINING, '2');
    await page.getByTestId('duplicate').waitFor();
    await page.getByRole('button', { name: '归档', exact: true }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getByRole('radio', { name: /^带到新剪报/ }).isChecked()).toBe(true);
    await conflict.getByRole('button', { name: '替换', exact: true }).click();
    const report = page.getByTestId('replace-report');
    await report.waitFor();
    expect(await report.innerText()).toMatch(new RegExp(`#${liangshanId} 的修改已带到 #\\d+`));
    await shot(page, 'refiled-with-replace');

    // 15. The edits made before are still there, on the new clipping.
    await result.getByRole('link', { name: LIANGSHAN_EDITED, exact: true }).click();
    await page.waitForURL(/\/clippings\/\d+$/);
    const newId = Number(page.url().split('/').pop());
    expect(newId).not.toBe(liangshanId);
    expect(await page.getByLabel(/^标题/).inputValue()).toBe(LIANGSHAN_EDITED);
    expect(await page.getByLabel(/^引题/).inputValue()).toBe('');
    expect(await page.getByLabel(/^状态/).locator('option:checked').innerText()).toBe('已审');
    await page.locator('li.chip:not(.region)', { hasText: TOPIC }).waitFor();
    await page.locator('li.chip.region', { hasText: '梁山县' }).waitFor();
    await shot(page, 'edit-still-there');
    const yutai = await callApi<ListPage<Clipping>>(
      server,
      'GET',
      `/api/clippings?q=${encodeURIComponent('鱼台')}&pageSize=50`,
    );
    expect(yutai.items.map((c) => c.tags.map((t) => t.name))).toEqual(yutai.items.map(() => [SCHOOL_TOPIC]));
    await expectNoServerEnglish(page);
    expect(unexpected(app.errors)).toEqual([]);
  }, 600_000);
});
