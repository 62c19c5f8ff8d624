// The error paths of the zh-CN UI, walked in a real browser: every message is Chinese, none of the
// server's English shows, and each is said beside the field that caused it where there is one — a
// wrong password at login, a bad user name and a short password in the user form, a too-long title
// and an out-of-range issue date in the clipping form, a date range the wrong way round on the list
// (the stale rows dimmed), a wizard filing with a bad field (which clipping, which field), a stale
// edit (409), a clipping URL that does not exist (404) and an import file that is not UTF-8 text.
// Screenshots at 1280×720 go to tests/ui/screenshots/zh-errors-*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Clipping, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `zh-errors-${name}.png`) });
}

/** English as class-validator, Nest and the services write it: none of it may reach the Chinese UI. */
const SERVER_ENGLISH =
  /must be|must not|should not|Validation failed|characters|shorter than|longer than|does not exist|not found|Bad Request|Not Found|Conflict|Unauthorized|Forbidden|Invalid|version/i;
const HAN = /\p{Script=Han}/u;

/** The message is Chinese and carries none of the server's English. */
async function expectChinese(message: Locator): Promise<string> {
  await message.first().waitFor();
  const text = (await message.allInnerTexts()).join('\n');
  expect(text).toMatch(HAN);
  expect(text).not.toMatch(SERVER_ENGLISH);
  return text;
}

/** Nothing on the page (the main column) carries the server's English. */
async function expectNoEnglish(page: Page): Promise<void> {
  expect(await page.locator('main, body').first().innerText()).not.toMatch(SERVER_ENGLISH);
}

async function expectMarked(field: Locator): Promise<void> {
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
}

/** Browser noise that is expected when the API answers 4xx on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

describe('error paths in the zh-CN UI (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let publication: Publication;

  const createClipping = (over: Record<string, unknown> = {}): Promise<Clipping> =>
    callApi<Clipping>(server, 'POST', '/api/clippings', {
      publicationId: publication.id,
      issueDate: '2024-10-22',
      pageLabel: '2',
      title: '梁山小小明信片倡树大文明',
      body: '本报讯 近日，梁山县文明办发行一套“文明梁山”明信片，倡导市民争做文明人。',
      ...over,
    });

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
    await app.page.setViewportSize({ width: 1280, height: 720 });
  });

  afterEach(async () => {
    expect(unexpected(app.errors)).toEqual([]);
    await app.context.close();
  });

  it('login with a wrong password: said in Chinese on the form', async () => {
    const { page } = app;
    await page.goto('/login');
    await page.getByLabel('用户名').fill(server.admin?.username ?? '');
    await page.getByLabel('密码').fill('不是这个密码');
    await page.getByRole('button', { name: '登录' }).click();
    const text = await expectChinese(page.locator('.alert.error'));
    expect(text).toContain('用户名或密码不正确');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'login-wrong-password');
  });

  it('user form: states the rules first and marks a bad user name and a short password', async () => {
    const { page } = app;
    await loginAs(page, server);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    // The form opens after the click: wait for its rules before asking what is shown.
    await page.getByText('2–64 个字符：汉字、字母、数字、点、下划线或连字符。').waitFor({ state: 'visible' });
    await expect(
      page.getByText('2–64 个字符：汉字、字母、数字、点、下划线或连字符。').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('至少 8 个字符。').isVisible()).resolves.toBe(true);

    const username = page.locator('#new-user-username');
    const password = page.locator('#new-user-password');
    await username.fill('王 编辑');
    await password.fill('短密码');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await expectMarked(username);
    await expectMarked(password);
    // Each message sits in its own field's box.
    const usernameField = page.locator('.field', { has: username });
    const passwordField = page.locator('.field', { has: password });
    expect(await expectChinese(usernameField.locator('.field-error'))).toContain('用户名要 2–64 个字符');
    expect(await expectChinese(passwordField.locator('.field-error'))).toContain('密码至少需要 8 个字符。');
    await expectNoEnglish(page);
    await shot(page, 'user-form');

    // A Chinese user name is fine.
    await username.fill('王编辑');
    await password.fill('足够长的密码-2024');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已创建用户“王编辑”' }).waitFor();
  });

  it('clipping form: a too-long title and an out-of-range issue date, beside their fields', async () => {
    const { page } = app;
    await loginAs(page, server);
    const c = await createClipping();
    await page.goto(`/clippings/${c.id}`);
    const title = page.getByLabel(/^标题/);
    await title.waitFor();
    await expect(page.getByText('最多 500 个字符。').first().isVisible()).resolves.toBe(true);
    await title.fill('长'.repeat(501));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    // (the label and the hint together read like the message too: look in the field's error slot)
    expect(await expectChinese(page.locator('#clipping-title-err .field-error'))).toBe(
      '标题最多 500 个字符。',
    );
    await expectMarked(title);
    await expect(page.getByTestId('top-error').innerText()).resolves.toContain('请查看标红的字段');
    await expectNoEnglish(page);
    await shot(page, 'clipping-title-too-long');

    await title.fill('梁山小小明信片倡树大文明');
    const date = page.getByLabel(/^出版日期/);
    await date.fill('2999-01-01');
    await page.getByTestId('date-warning').filter({ hasText: '服务器不会接受' }).waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect(await expectChinese(page.locator('#clipping-issueDate-err .field-error'))).toMatch(
      /出版日期不能晚于 \d{4}-\d{2}-\d{2}/,
    );
    await expectMarked(date);
    await expectNoEnglish(page);
    await shot(page, 'clipping-date-too-late');

    await date.fill('1872-04-30');
    await page.getByTestId('date-warning').filter({ hasText: '早于 1900 年' }).waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  });

  it('list: a date range the wrong way round is marked and the stale rows are dimmed', async () => {
    const { page } = app;
    await loginAs(page, server);
    await createClipping({ title: '日期范围里的剪报' });
    await page.goto('/clippings');
    const row = page.getByRole('link', { name: /日期范围里的剪报/ }).first();
    await row.waitFor();
    await page.locator('#f-from').fill('2024-10-01');
    await page.locator('#f-from').dispatchEvent('change');
    await page.waitForURL(/from=2024-10-01/);
    await row.waitFor();
    await page.locator('#f-to').fill('2024-09-01');
    await page.locator('#f-to').dispatchEvent('change');
    expect(await expectChinese(page.locator('#f-to-error'))).toContain('截止日期不能早于起始日期。');
    await expectMarked(page.locator('#f-to'));
    // The rows of the earlier filter stay, dimmed, under a note that they are not the answer.
    await expect(
      page
        .locator('.table-wrap.stale')
        .getByRole('link', { name: /日期范围里的剪报/ })
        .count(),
    ).resolves.toBeGreaterThan(0);
    await page.getByText('筛选条件有误，下面的结果不是按当前条件查询的。').waitFor();
    await expectNoEnglish(page);
    await shot(page, 'list-bad-date-range');

    await page.locator('#f-to').fill('2024-12-31');
    await page.locator('#f-to').dispatchEvent('change');
    await page.locator('.table-wrap:not(.stale)').waitFor();
    await expect(page.locator('#f-to').getAttribute('aria-invalid')).resolves.toBe('false');
  });

  it('wizard: a filing refused for one field names the clipping and the field, on its card', async () => {
    const { page } = app;
    await loginAs(page, server);
    await page.goto('/import');
    await page.getByLabel(/^报刊/).selectOption({ label: '济宁日报' });
    await page.getByLabel(/^出版日期/).fill('2024-10-23');
    await page.getByLabel(/^版面 \*/).fill('3');
    await page
      .getByLabel(/^版面文本/)
      .fill(
        [
          '梁山小小明信片倡树大文明',
          '本报讯 近日，梁山县文明办发行一套“文明梁山”明信片，倡导市民争做文明人。',
          '',
          '泗水地瓜喜获丰收',
          '本报讯 连日来，泗水县15万亩地瓜陆续成熟，薯农们趁着晴好天气采收地瓜。',
        ].join('\n'),
      );
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page
      .getByTestId('wizard-summary')
      .filter({ hasText: /^2 条剪报/ })
      .waitFor();
    const second = page.getByRole('article', { name: '剪报 2', exact: true });
    const title = second.getByLabel('标题', { exact: true });
    await title.fill('长'.repeat(501));
    await page.getByRole('button', { name: '归档', exact: true }).click();

    const top = await expectChinese(page.getByTestId('wizard-error'));
    expect(top).toContain('第 2 条剪报：标题最多 500 个字符。');
    // Beside the field on the card, which is marked.
    expect(await expectChinese(second.locator('.field-error'))).toBe('标题最多 500 个字符。');
    await expectMarked(title);
    await expect(
      page.getByRole('article', { name: '剪报 1', exact: true }).locator('.field-error').count(),
    ).resolves.toBe(0);
    await expectNoEnglish(page);
    await second.scrollIntoViewIfNeeded();
    await shot(page, 'wizard-bad-field');

    // Fixed, the card's mark goes and the page files.
    await title.fill('泗水地瓜喜获丰收');
    await expect(second.locator('.field-error').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '归档', exact: true }).click();
    await page.getByTestId('import-result').filter({ hasText: '已归档 2 条剪报' }).waitFor();
  });

  it('wizard: an import file that is not UTF-8 text is refused by name, and the text box is left alone', async () => {
    const { page } = app;
    await loginAs(page, server);
    await page.goto('/import');
    // The page saved by an old Windows tool in GBK: read as UTF-8 it would be mojibake.
    const gbk = join(server.dataDir, '济宁日报-第2版.txt');
    writeFileSync(gbk, Buffer.from([0xe3, 0xeb, 0xc9, 0xcf, 0xa3, 0xba, 0xc1, 0xae, 0xbd, 0xe0]));
    const text = page.getByLabel(/^版面文本/);
    await text.fill('已经粘贴的文字');
    await page.locator('input[type=file]').setInputFiles(gbk);
    const message = await expectChinese(page.locator('.actions .field-error'));
    expect(message).toContain('济宁日报-第2版.txt');
    expect(message).toContain('UTF-8');
    expect(await text.inputValue()).toBe('已经粘贴的文字');
    await expectNoEnglish(page);
    await shot(page, 'wizard-bad-file');
  });

  it('a stale edit (409): said in Chinese, with the other version to merge', async () => {
    const { page } = app;
    await loginAs(page, server);
    const c = await createClipping({ title: '两人同时修改的剪报' });
    await page.goto(`/clippings/${c.id}`);
    const title = page.getByLabel(/^标题/);
    await title.waitFor();
    // Someone else saves first.
    await callApi(server, 'PATCH', `/api/clippings/${c.id}`, {
      version: c.version,
      subtitle: '别人加的副题',
    });
    await title.fill('我改的标题');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const merge = page.locator('jb-merge-view');
    await expectChinese(merge);
    expect(await merge.innerText()).toContain('别人加的副题');
    await expectNoEnglish(page);
    await shot(page, 'stale-edit');
  });

  it('a clipping URL that does not exist (404): said in Chinese, with the way back', async () => {
    const { page } = app;
    await loginAs(page, server);
    await page.goto('/clippings/987654');
    expect(await expectChinese(page.getByTestId('top-error'))).toContain('找不到');
    await page
      .getByRole('link', { name: /返回剪报列表/ })
      .first()
      .waitFor();
    await expect(page.locator('form.clipping-form').count()).resolves.toBe(0);
    await expectNoEnglish(page);
    await shot(page, 'clipping-404');
  });
});
