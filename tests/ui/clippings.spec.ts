// The clippings happy path in a real browser against the real backend and the built app: create a
// publication, create a clipping through the form, find it in the table, filter it by kind via the URL.
import type { Browser, Page } from 'playwright-core';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { loginAs } from './support/auth';
import { type RunningServer, startServer } from './support/server';

/** Browser noise that is expected when the API answers 4xx on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('link', { name, exact: true });

describe('clippings (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
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

  it('creates a publication, files a clipping, finds it and filters by kind', async () => {
    const { page } = app;
    const title = '梁山小小明信片倡树大文明';

    await page.goto('/');
    // The landing page is the dashboard.
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    // A publication, through the publications page.
    await nav(page, '报刊').click();
    await page.getByRole('button', { name: '新建报刊' }).click();
    await page.getByLabel(/^报刊名称/).fill('济宁日报');
    await page.getByLabel('简称').fill('济宁');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('cell', { name: '济宁日报', exact: true }).waitFor();

    // A clipping, through the form.
    await nav(page, '剪报').click();
    await page.getByRole('link', { name: /新建剪报/ }).click();
    await page.waitForURL(/\/clippings\/new$/);
    await page.getByLabel(/^报刊/).selectOption({ label: '济宁日报' });
    await page.getByLabel(/^出版日期/).fill('2024-03-05');
    await page.getByLabel(/^版面/).fill('A2');
    await page.getByLabel(/^类型/).selectOption({ label: '简讯' });
    await page.getByLabel(/^标题/).fill(title);
    await page.getByLabel('作者').fill('本报记者 王丽');
    await page
      .getByLabel(/^正文/)
      .fill('本报讯 近日，梁山县文明办发行一套“文明梁山”明信片，倡导市民争做文明人。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/clippings\/\d+$/);
    await page.getByText('剪报已创建').waitFor();
    expect(await page.getByLabel(/^标题/).inputValue()).toBe(title);

    // It is in the table.
    await page.getByRole('link', { name: /返回剪报列表/ }).click();
    await page.waitForURL(/\/clippings$/);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('济宁日报');
    expect(await row.textContent()).toContain('2024-03-05');
    expect(await row.textContent()).toContain('简讯');

    // Filter by kind in the UI: the URL carries the filter and the table follows it.
    await page.getByLabel('类型').selectOption({ label: '简讯' });
    await page.waitForURL(/[?&]kind=brief\b/);
    await row.waitFor();
    await page.getByLabel('类型').selectOption({ label: '图片' });
    await page.waitForURL(/[?&]kind=photo\b/);
    await page.getByText('没有符合条件的剪报').waitFor();
    await row.waitFor({ state: 'detached' });

    // The URL alone restores the filtered list (bookmark/share).
    await page.goto('/clippings?kind=brief');
    await row.waitFor();
    expect(await page.getByLabel('类型').inputValue()).toBe('brief');

    expect(unexpected(app.errors)).toEqual([]);
  });

  it('shows a duplicate publication name beside the name field', async () => {
    const { page } = app;
    await page.goto('/publications');
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: '新建报刊' }).click();
      await page.getByLabel(/^报刊名称/).fill('齐鲁晚报');
      await page.getByRole('button', { name: '新建', exact: true }).click();
      if (i === 0) await page.getByRole('cell', { name: '齐鲁晚报', exact: true }).waitFor();
    }
    await page.getByText('已存在同名报刊').waitFor();
    expect(await page.getByLabel(/^报刊名称/).getAttribute('aria-invalid')).toBe('true');
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('switches the interface to English and remembers it', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { name: 'Clippings' }).waitFor();
    await page.reload();
    await nav(page, 'Publications').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(unexpected(app.errors)).toEqual([]);
  });
});
