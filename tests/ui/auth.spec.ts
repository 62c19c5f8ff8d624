// Accounts in a real browser against the real backend: a fresh install shows the one-time setup
// screen, creating the admin logs in and the screen is gone for good; the admin creates a viewer;
// the viewer sees no edit buttons and a write made from the page with the cookie gets 403; logout
// returns to the login page; a wrong password is reported; an expired session goes back to login
// and then on to the page asked for.
import type { Browser, Page } from 'playwright-core';
import { logout, loginAs } from './support/auth';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { type RunningServer, type TestAccount, apiToken, startServer } from './support/server';

/** Browser noise that is expected when the API answers 401/403 on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

const nav = (page: Page) => page.getByRole('navigation', { name: /主导航|Main navigation/ });

const ADMIN: TestAccount = { username: '李馆长', password: '档案室钥匙-2024' };
const VIEWER: TestAccount = { username: '王读者', password: '只读不写-2024' };

describe('accounts (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    server = await startServer(); // a fresh install: no admin yet
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    app = await openApp(browser, server.url);
  });

  afterEach(async () => {
    await app.context.close();
  });

  it('shows the setup screen on a fresh install; creating the admin logs in and the screen is gone', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.waitForURL(/\/setup$/);
    await page.getByRole('heading', { name: '初始设置：创建管理员' }).waitFor();

    // Passwords that differ are caught before anything is sent.
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('再次输入密码').fill('别的密码-2024');
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await page.getByRole('alert').getByText('两次输入的密码不一致。').waitFor();

    await page.getByLabel('再次输入密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('current-user').getByText(`${ADMIN.username}（管理员）`).waitFor();
    await nav(page).getByRole('link', { name: '用户', exact: true }).waitFor();

    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { setupRequired: boolean };
    expect(health.setupRequired).toBe(false);

    // Logged in, /setup goes home; logged out, it goes to the login page.
    await page.goto('/setup');
    await page.waitForURL(/\/dashboard$/);
    await logout(page);
    await page.goto('/setup');
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: '登录剪报' }).waitFor();
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('refuses a wrong password with a clear message', async () => {
    const { page } = app;
    await page.goto('/login');
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill('不是这个密码');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').getByText('用户名或密码不正确。').waitFor();
    expect(page.url()).toMatch(/\/login$/);
    expect(await page.getByLabel('密码').inputValue()).toBe('');
  });

  it('says how long to wait after too many failed attempts on one account (429 + Retry-After)', async () => {
    const { page } = app;
    const account = { username: '赵无名', password: '猜错的密码' };
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(account),
      });
      expect(res.status).toBe(401);
    }
    await page.goto('/login');
    await page.getByLabel('用户名').fill(account.username);
    await page.getByLabel('密码').fill(account.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/^登录尝试次数过多，请 1[45] 分钟后再试。$/)
      .waitFor();
    expect(page.url()).toMatch(/\/login$/);
  });

  it('lets the admin create a viewer from the users page', async () => {
    const { page } = app;
    await loginAs(page, server, ADMIN.username, ADMIN.password);
    await nav(page).getByRole('link', { name: '用户', exact: true }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('cell', { name: ADMIN.username }).waitFor();

    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByLabel(/^用户名/).fill(VIEWER.username);
    await page.getByLabel(/^密码/).fill(VIEWER.password);
    await page.getByLabel('角色', { exact: true }).selectOption({ label: '查看者' });
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('status').getByText(`已创建用户“${VIEWER.username}”。`).waitFor();
    const row = page.getByRole('row').filter({ hasText: VIEWER.username });
    expect(await row.getByRole('combobox').inputValue()).toBe('viewer');
    await row.getByText('正常').waitFor();

    // The audit log has the login and the new user.
    await nav(page).getByRole('link', { name: '审计日志', exact: true }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.getByRole('cell', { name: '新建用户' }).first().waitFor();
    await page.getByLabel('操作类型').fill('user-created');
    await page.getByLabel('操作类型').press('Enter');
    await page.waitForURL(/action=user-created/);
    await page.getByRole('cell', { name: '新建用户' }).first().waitFor();
    // The URL changes before the filtered page arrives: wait for the login rows to go, then check.
    await page
      .getByRole('cell', { name: /^login$/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await page.getByRole('cell', { name: /^login$/ }).count()).toBe(0);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('shows a viewer no edit buttons, and the server refuses a write made from the page', async () => {
    const { page } = app;
    // Something to look at, filed by the admin through the API.
    const bearer = { Authorization: `Bearer ${await apiToken(server.url, ADMIN)}` };
    const post = async (path: string, body: unknown): Promise<{ id: number }> => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number };
    };
    const publication = await post('/api/publications', { name: '济宁日报' });
    await post('/api/tags', { name: '民生' });
    const { id: clippingId } = await post('/api/clippings', {
      publicationId: publication.id,
      issueDate: '2024-03-05',
      pageLabel: 'A2',
      title: '梁山县开展文明城市创建活动',
      body: '本报讯 近日，梁山县组织志愿者走上街头，倡导文明新风。',
    });

    await loginAs(page, server, VIEWER.username, VIEWER.password);
    // Home is the dashboard; the viewer goes on to the list.
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('current-user').getByText(`${VIEWER.username}（查看者）`).waitFor();
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '剪报', exact: true })
      .click();
    await page.waitForURL(/\/clippings$/);
    await page.getByRole('heading', { name: '剪报', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /新建剪报/ }).count()).toBe(0);
    await page.getByRole('link', { name: '梁山县开展文明城市创建活动' }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0); // no bulk selection either

    // The pages (the work queues below them are links too, with their counts).
    const links = await nav(page).getByRole('list').first().getByRole('link').allTextContents();
    expect(links.map((l) => l.trim())).toEqual([
      '工作台',
      '剪报',
      '待续',
      '续篇文章',
      '版面',
      '同稿审核',
      '标签',
      '地区',
      '报刊',
    ]);

    await nav(page).getByRole('link', { name: '报刊', exact: true }).click();
    await page.getByRole('heading', { name: '报刊' }).waitFor();
    expect(await page.getByRole('button', { name: '新建报刊' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);

    await nav(page).getByRole('link', { name: '标签', exact: true }).click();
    await page.waitForURL(/\/tags$/);
    await page.getByText('民生').first().waitFor();
    expect(await page.getByRole('button', { name: '重命名' }).count()).toBe(0);

    // A clipping page: readable, but nothing to save, delete, tag or link.
    await page.goto(`/clippings/${clippingId}`);
    // a read-only view, no form (issue 14: nothing editable-looking for a viewer)
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('read-only').getByRole('heading', { level: 2 }).textContent()).toBe(
      '梁山县开展文明城市创建活动',
    );
    expect(await page.getByLabel(/^标题/).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('添加标签').count()).toBe(0);
    expect(await page.getByRole('heading', { name: '手动续接' }).count()).toBe(0);

    // Filing is not offered, and /clippings/new by URL is turned away.
    await page.goto('/clippings/new');
    await page.waitForURL(/\/dashboard$/);

    // Admin pages are not offered, and going there by URL is turned away.
    await page.goto('/admin/users');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('alert').getByText('你的角色无权执行此操作。').waitFor();

    // A write with the session cookie and the right CSRF header: the server says 403.
    const status = await page.evaluate(async () => {
      const csrf = /(?:^|; )jb_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch('/api/publications', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify({ name: '越权日报' }),
      });
      return res.status;
    });
    expect(status).toBe(403);

    await logout(page);
    await page.getByRole('heading', { name: '登录剪报' }).waitFor();
    expect(await nav(page).count()).toBe(0);
    // The session is really over: the API no longer knows the cookie.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('lets a user change their password, and a disabled account can no longer log in', async () => {
    const { page } = app;
    const newPassword = '换个新密码-2025';
    await loginAs(page, server, VIEWER.username, VIEWER.password);
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByLabel('当前密码').fill(VIEWER.password);
    await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
    await dialog.getByLabel('再次输入新密码').fill(newPassword);
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await dialog.getByRole('status').getByText('密码已修改。').waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await logout(page);
    await loginAs(page, server, VIEWER.username, newPassword);
    await logout(page);

    // The admin disables the viewer; the right password is then refused with a clear message.
    await loginAs(page, server, ADMIN.username, ADMIN.password, '/admin/users');
    await page.waitForURL(/\/admin\/users$/);
    const row = page.getByRole('row').filter({ hasText: VIEWER.username });
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    await logout(page);
    await page.getByLabel('用户名').fill(VIEWER.username);
    await page.getByLabel('密码').fill(newPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').getByText('该账户已停用，请联系管理员。').waitFor();
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('sends an anonymous visitor to the login page and back to the page asked for', async () => {
    const { page } = app;
    await page.goto('/publications');
    await page.waitForURL(/\/login\?returnUrl=%2Fpublications$/);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/publications$/);
    await page.getByRole('button', { name: '新建报刊' }).waitFor();

    // The session ends behind the page's back (logged out elsewhere): the next call goes to login.
    await page.evaluate(async () => {
      const csrf = /(?:^|; )jb_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
      });
    });
    await nav(page).getByRole('link', { name: '标签', exact: true }).click();
    await page.waitForURL(/\/login\?returnUrl=%2Ftags$/);
  });
});
