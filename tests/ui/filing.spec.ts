// Filing loses nothing an editor did, in a real browser: the wizard's corrections survive leaving
// (after the unsaved-changes prompt) and come back; the clipping editor asks before its edits are
// lost; re-filing a page shows the work done since filing and carries it over; the trash names the
// live clipping a replaced one duplicates. Screenshots (1280x720) go to $SCREENSHOT_DIR when set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, Dialog, Page } from 'playwright-core';
import type { Clipping, ImportResult, Page as ListPage, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const PAGE_004 = readFileSync(join(ROOT, 'tests/fixtures/pages/004_425bbb1547604c11.txt'), 'utf8');
const SHOTS = process.env['SCREENSHOT_DIR'];

/** Browser noise that is expected when the API answers 4xx on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The next dialog, answered with `accept`; fails instead of hanging when none opens. */
function nextDialog(page: Page, accept: boolean): Promise<Dialog> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no dialog opened')), 5000);
    page.once('dialog', (dialog) => {
      clearTimeout(timer);
      resolve(dialog);
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  });
}

async function previewPage(page: Page, pageLabel: string, publication = '安康日报'): Promise<void> {
  await page.getByLabel(/^报刊/).selectOption({ label: publication });
  await page.getByLabel(/^出版日期/).fill('2024-10-22');
  await page.getByLabel(/^版面 \*/).fill(pageLabel);
  await page.getByLabel(/^版面文本/).fill(PAGE_004);
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await page.getByTestId('wizard-summary').waitFor();
}

const cardTitle = (page: Page, n: number) =>
  page.getByRole('article', { name: `剪报 ${n}`, exact: true }).getByLabel('标题', { exact: true });

describe('filing loses nothing an editor did (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let publication: Publication;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    publication = await callApi<Publication>(server, 'POST', '/api/publications', { name: '安康日报' });
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

  it('keeps the wizard corrections when leaving (after asking) and brings them back', async () => {
    const { page } = app;
    await page.goto('/import');
    await previewPage(page, '6');
    await cardTitle(page, 1).fill('编辑在向导里改的标题');
    await page
      .getByRole('article', { name: '剪报 2', exact: true })
      .getByLabel('类型', { exact: true })
      .selectOption({ label: '简讯' });

    // Leaving asks first, in the UI's language; saying no stays with everything in place.
    const nav = page.getByRole('navigation', { name: '主导航' });
    const stay = nextDialog(page, false);
    await nav.getByRole('link', { name: '剪报', exact: true }).click();
    const asked = await stay;
    expect(asked.type()).toBe('confirm');
    expect(asked.message()).toContain('导入向导里有尚未归档的版面');
    expect(new URL(page.url()).pathname).toBe('/import');
    expect(await cardTitle(page, 1).inputValue()).toBe('编辑在向导里改的标题');

    // Saying yes leaves; coming back restores the draft and says so.
    const leave = nextDialog(page, true);
    await nav.getByRole('link', { name: '剪报', exact: true }).click();
    await leave;
    await page.waitForURL(/\/clippings$/);
    await nav.getByRole('link', { name: '导入', exact: true }).click();
    const restored = page.getByTestId('draft-restored');
    await restored.waitFor();
    expect(await restored.textContent()).toContain('已恢复');
    expect(await cardTitle(page, 1).inputValue()).toBe('编辑在向导里改的标题');
    expect(
      await page
        .getByRole('article', { name: '剪报 2', exact: true })
        .getByLabel('类型', { exact: true })
        .inputValue(),
    ).toBe('brief');
    expect(await page.getByLabel(/^版面 \*/).inputValue()).toBe('6');
    expect(await page.getByLabel(/^报刊/).inputValue()).not.toBe('');
    await shot(page, 'wizard-draft-restored');

    // A full reload restores it too (after the browser's own prompt).
    const reload = nextDialog(page, true);
    await page.reload();
    expect((await reload).type()).toBe('beforeunload');
    await page.getByTestId('draft-restored').waitFor();
    expect(await cardTitle(page, 1).inputValue()).toBe('编辑在向导里改的标题');

    // Filed: the draft is gone, leaving asks nothing.
    await page.getByRole('button', { name: '归档', exact: true }).click();
    await page.getByTestId('import-result').waitFor();
    const filed = await callApi<ListPage<Clipping>>(server, 'GET', '/api/clippings?pageLabel=6&pageSize=50');
    expect(filed.items.map((c) => c.title)).toContain('编辑在向导里改的标题');
    await nav.getByRole('link', { name: '剪报', exact: true }).click();
    await page.waitForURL(/\/clippings$/);
    await nav.getByRole('link', { name: '导入', exact: true }).click();
    await page.getByLabel(/^版面文本/).waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.getByLabel(/^版面文本/).inputValue()).toBe('');
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('asks before leaving the clipping editor with unsaved changes', async () => {
    const { page } = app;
    const clipping = await callApi<Clipping>(server, 'POST', '/api/clippings', {
      publicationId: publication.id,
      issueDate: '2024-10-22',
      pageLabel: '3',
      title: '汉江生态经济带建设稳步推进',
      body: '本报讯 汉江生态经济带建设稳步推进。',
    });
    await page.goto(`/clippings/${clipping.id}`);
    const title = page.getByLabel(/^标题/);
    await title.waitFor();
    // Nothing changed yet: leaving asks nothing.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '报刊', exact: true }).click();
    await page.waitForURL(/\/publications$/);
    await page.goBack();
    await title.waitFor();
    await title.click();
    await title.fill('尚未保存的标题');

    const stay = nextDialog(page, false);
    await nav.getByRole('link', { name: '剪报', exact: true }).click();
    const asked = await stay;
    expect(asked.message()).toBe('这条剪报有尚未保存的修改，离开后会丢失。确定离开吗？');
    expect(new URL(page.url()).pathname).toBe(`/clippings/${clipping.id}`);
    expect(await title.inputValue()).toBe('尚未保存的标题');
    await shot(page, 'clipping-unsaved-still-here');

    // Closing or reloading the tab: the browser's own prompt.
    const unload = nextDialog(page, false);
    void page.reload().catch(() => undefined);
    expect((await unload).type()).toBe('beforeunload');
    expect(await title.inputValue()).toBe('尚未保存的标题');

    // In English, the prompt is in English.
    await page.getByLabel('界面语言').selectOption('en');
    const english = nextDialog(page, true);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Clippings', exact: true })
      .click();
    expect((await english).message()).toBe(
      'This clipping has unsaved changes that will be lost if you leave. Leave anyway?',
    );
    await page.waitForURL(/\/clippings$/);
    expect((await callApi<Clipping>(server, 'GET', `/api/clippings/${clipping.id}`)).title).toBe(
      '汉江生态经济带建设稳步推进',
    );
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('shows the work done since filing when the page is filed again, carries it over, and the trash names the duplicate', async () => {
    const { page } = app;
    const evening = await callApi<Publication>(server, 'POST', '/api/publications', { name: '安康晚报' });
    const first = await callApi<ImportResult>(server, 'POST', '/api/imports', {
      text: PAGE_004,
      publicationId: evening.id,
      issueDate: '2024-10-22',
      pageLabel: '8',
    });
    const old = first.clippings.find((c) => c.title);
    if (!old) throw new Error('no titled clipping on the sample page');
    await callApi(server, 'PATCH', `/api/clippings/${old.id}`, {
      version: old.version,
      title: '编辑归档后改的标题',
      status: 'reviewed',
    });

    await page.goto('/import');
    await previewPage(page, '8', '安康晚报');
    const warning = page.getByTestId('duplicate');
    await warning.waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('这一版文本已经归档过');
    expect(text).toContain(`导入 #${first.import.id}`);
    expect(text).toContain('编辑归档后改的标题');
    expect(text).toContain('改了标题；标为“已审”');
    expect(text).toMatch(/→ 剪报 \d+（正文相同）/);
    await shot(page, 'wizard-duplicate-warning');

    await page.getByRole('button', { name: '归档', exact: true }).click();
    const panel = page.getByTestId('conflict');
    await panel.waitFor();
    expect(await panel.getByRole('radio', { name: /^带到新剪报/ }).isChecked()).toBe(true);
    await shot(page, 'wizard-replace-choice');
    await panel.getByRole('button', { name: '替换', exact: true }).click();
    const report = page.getByTestId('replace-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(new RegExp(`#${old.id} 的修改已带到 #\\d+`));
    await shot(page, 'wizard-replace-report');
    const now = await callApi<ListPage<Clipping>>(server, 'GET', '/api/clippings?pageLabel=8&pageSize=50');
    expect(now.items.filter((c) => c.title === '编辑归档后改的标题' && c.status === 'reviewed')).toHaveLength(
      1,
    );

    await page.goto('/admin/trash');
    const row = page.locator('tbody tr').filter({ hasText: '编辑归档后改的标题' }).first();
    await row.getByTestId('trash-duplicates').waitFor();
    expect(await row.getByTestId('trash-duplicates').textContent()).toContain('与现存剪报重复');
    await shot(page, 'trash-duplicate');
    await row.getByRole('button', { name: '恢复', exact: true }).click();
    await row.getByRole('button', { name: '仍然恢复' }).click();
    const notice = page.locator('.alert.ok');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('它与现存剪报');
    // The same notes in English.
    await page.getByLabel('界面语言').selectOption('en');
    expect(await page.getByTestId('trash-duplicates').first().textContent()).toContain(
      'Duplicates live clipping:',
    );
    await shot(page, 'trash-duplicate-en');
    expect(unexpected(app.errors)).toEqual([]);
  });
});
