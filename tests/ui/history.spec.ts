// History, merge and trash in a real browser against the real backend: edit a clipping twice and
// read both revisions with their diffs, restore the first (a new revision); save the same clipping
// from two pages and settle the second save in the merge view; delete a clipping, find it in the
// trash, restore it and see it back in the list.
import type { Browser, Page } from 'playwright-core';
import type { Clipping, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { type RunningServer, startServer } from './support/server';

/** Browser noise that is expected when the API answers 4xx on purpose (the 409 of a stale save). */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('link', { name, exact: true });

const ORIGINAL_TITLE = '梁山小小明信片倡树大文明';
const ORIGINAL_BODY =
  '本报讯 近日，梁山县文明办发行一套“文明梁山”明信片，倡导市民争做文明人。明信片共十二张，展示了水泊梁山的风景名胜。';

describe('history, merge and trash (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let publication: Publication;
  let issueDay = 1;

  /** A clipping on its own issue date in January 2027 (within a year of today), so it heads the list (sorted by date, newest first). */
  function createClipping(title = ORIGINAL_TITLE, body = ORIGINAL_BODY): Promise<Clipping> {
    const day = String(issueDay++).padStart(2, '0');
    return callApi<Clipping>(server, 'POST', '/api/clippings', {
      publicationId: publication.id,
      issueDate: `2027-01-${day}`,
      pageLabel: 'A2',
      title,
      body,
    });
  }

  async function save(page: Page): Promise<void> {
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  }

  const revision = (page: Page, version: number) =>
    page.locator(`[data-testid=history] li[data-version="${version}"]`);

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    publication = await callApi<Publication>(server, 'POST', '/api/publications', { name: '济宁日报' });
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

  it('records two edits with readable diffs and restores the first version as a new one', async () => {
    const { page } = app;
    const clipping = await createClipping();
    await page.goto(`/clippings/${clipping.id}`);
    await revision(page, 1).waitFor();

    await page.getByLabel(/^标题/).fill('梁山明信片倡树文明新风');
    await save(page);
    await page.getByLabel(/^正文/).fill(ORIGINAL_BODY.replace('十二张', '十六张'));
    await save(page);

    // Newest first: the body edit, the title edit, the creation.
    const v3 = revision(page, 3);
    await v3.waitFor();
    expect(
      await page
        .locator('[data-testid=history] li[data-version]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-version'))),
    ).toEqual(['3', '2', '1']);
    expect(await v3.textContent()).toContain('张管理员');
    expect(await v3.textContent()).toContain('当前版本');
    // The body as an inline character diff: only 二 → 六 marked, the long unchanged rest collapsed.
    expect(await v3.locator('[data-field=body] del').allTextContents()).toEqual(['二']);
    expect(await v3.locator('[data-field=body] ins').allTextContents()).toEqual(['六']);
    expect(await v3.locator('[data-field=body] .gap').count()).toBeGreaterThan(0);
    const v2 = revision(page, 2);
    expect(await v2.locator('[data-field=title] del').textContent()).toBe(ORIGINAL_TITLE);
    expect(await v2.locator('[data-field=title] ins').textContent()).toBe('梁山明信片倡树文明新风');
    expect(await revision(page, 1).textContent()).toContain('创建');

    // Restore version 1, after a confirmation.
    const v1 = revision(page, 1);
    await v1.getByRole('button', { name: '恢复到此版本' }).click();
    await v1.getByRole('alert').filter({ hasText: '版本 1' }).waitFor();
    await v1.getByRole('button', { name: '恢复到此版本' }).click();
    await page.getByRole('status').filter({ hasText: '已恢复到版本 1' }).waitFor();
    expect(await page.getByLabel(/^标题/).inputValue()).toBe(ORIGINAL_TITLE);
    expect(await page.getByLabel(/^正文/).inputValue()).toBe(ORIGINAL_BODY);

    // The restore is itself a new version, with what it changed back.
    const v4 = revision(page, 4);
    await v4.waitFor();
    expect(await v4.textContent()).toContain('恢复旧版本');
    expect(await v4.locator('[data-field=title] ins').textContent()).toBe(ORIGINAL_TITLE);
    const now = await callApi<Clipping>(server, 'GET', `/api/clippings/${clipping.id}`);
    expect(now).toMatchObject({ version: 4, title: ORIGINAL_TITLE, body: ORIGINAL_BODY });
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('turns a stale save into a merge: one-sided changes taken, the conflict chosen, saved on the current version', async () => {
    const { page } = app;
    const clipping = await createClipping();
    const other = await app.context.newPage();
    await page.goto(`/clippings/${clipping.id}`);
    await other.goto(`/clippings/${clipping.id}`);
    await page.getByLabel(/^标题/).waitFor();
    await other.getByLabel(/^标题/).waitFor();
    expect(await other.getByLabel(/^标题/).inputValue()).toBe(ORIGINAL_TITLE);

    // The other page saves first: a new title.
    await other.getByLabel(/^标题/).fill('他人修改的标题');
    await save(other);

    // This page, still on version 1, changes the title too and the byline.
    await page.getByLabel(/^标题/).fill('我修改的标题');
    await page.getByLabel('作者').fill('本报记者 王丽');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const merge = page.getByTestId('merge');
    await merge.waitFor();
    expect(await merge.textContent()).toContain('版本 2');
    const titleRow = merge.locator('tr[data-field=title]');
    expect(await titleRow.getAttribute('class')).toContain('conflict');
    expect(await titleRow.textContent()).toContain('他人修改的标题');
    expect(await titleRow.textContent()).toContain('我修改的标题');
    expect(await merge.locator('tr[data-field=byline]').textContent()).toContain('自动采用我的修改');
    const saveMerged = merge.getByRole('button', { name: '保存合并结果' });
    expect(await saveMerged.isDisabled()).toBe(true);

    // Settle the title by hand, then save.
    await titleRow.getByRole('button', { name: '手动编辑' }).click();
    await titleRow.getByRole('textbox').fill('合并后的标题');
    await saveMerged.click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect(await page.getByTestId('merge').count()).toBe(0);
    expect(await page.getByLabel(/^标题/).inputValue()).toBe('合并后的标题');

    const now = await callApi<Clipping>(server, 'GET', `/api/clippings/${clipping.id}`);
    expect(now).toMatchObject({
      version: 3,
      title: '合并后的标题',
      byline: '本报记者 王丽',
      body: ORIGINAL_BODY,
    });
    await revision(page, 3).waitFor();
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('merges a restore refused as stale: the restored title and their newer body both kept', async () => {
    const { page } = app;
    const created = await createClipping();
    const edited = await callApi<Clipping>(server, 'PATCH', `/api/clippings/${created.id}`, {
      title: '梁山明信片倡树文明新风',
      version: created.version,
    });
    await page.goto(`/clippings/${created.id}`);
    await revision(page, edited.version).waitFor();

    // Someone else changes the body while this page still shows the previous version.
    const theirBody = ORIGINAL_BODY.replace('十二张', '二十张');
    await callApi<Clipping>(server, 'PATCH', `/api/clippings/${created.id}`, {
      body: theirBody,
      version: edited.version,
    });

    const v1 = revision(page, 1);
    await v1.getByRole('button', { name: '恢复到此版本' }).click();
    await v1.getByRole('button', { name: '恢复到此版本' }).click();
    const merge = page.getByTestId('merge');
    await merge.waitFor();
    expect(await merge.locator('tr[data-field=title]').textContent()).toContain('自动采用我的修改');
    expect(await merge.locator('tr[data-field=body]').textContent()).toContain('自动采用他人的修改');
    await merge.getByRole('button', { name: '保存合并结果' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    const now = await callApi<Clipping>(server, 'GET', `/api/clippings/${created.id}`);
    expect(now).toMatchObject({ title: ORIGINAL_TITLE, body: theirBody, version: edited.version + 2 });
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('deletes a clipping to the trash, restores it from there, and it is back in the list', async () => {
    const { page } = app;
    const title = '济宁市区新增三处口袋公园';
    const clipping = await createClipping(
      title,
      '本报讯 今年以来，济宁市区新建口袋公园三处，方便市民就近休闲。',
    );
    await page.goto(`/clippings/${clipping.id}`);
    await page.getByLabel(/^标题/).waitFor();

    await page.getByRole('button', { name: '删除', exact: true }).click();
    expect(await page.getByRole('alert').filter({ hasText: '回收站' }).textContent()).toContain('移入回收站');
    await page.getByRole('button', { name: '确认删除' }).click();
    await page.waitForURL(/\/clippings$/);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);

    await nav(page, '回收站').click();
    await page.waitForURL(/\/admin\/trash$/);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('张管理员');
    expect(await row.textContent()).toContain('剪报');
    await row.getByRole('button', { name: '恢复', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已恢复“${title}”` })
      .waitFor();
    expect(await page.getByRole('row').filter({ hasText: title }).count()).toBe(0);

    await nav(page, '剪报').click();
    await page.waitForURL(/\/clippings$/);
    await page.getByRole('link', { name: title }).waitFor();
    expect((await callApi<Clipping>(server, 'GET', `/api/clippings/${clipping.id}`)).title).toBe(title);
    expect(unexpected(app.errors)).toEqual([]);
  });
});
