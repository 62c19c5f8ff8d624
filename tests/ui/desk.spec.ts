// The editor's desk in a real browser, in zh-CN: a viewer reads a clipping without a form, the trash
// restores several items at once or names why it cannot, and the audit log says what happened in
// Chinese. (The error paths — each message in Chinese beside its field — are walked in zh-errors.spec.ts.)
// Screenshots at 1280×720 under tests/ui/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Clipping, Publication, TrashItem } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `desk-${name}.png`) });
}

/** English words as class-validator and the services write them: none may reach the Chinese UI. */
const SERVER_ENGLISH =
  /must be|must not|should not|Validation failed|characters|shorter than|longer than|does not exist|Bad Request/;

async function expectNoEnglish(page: Page): Promise<void> {
  const text = await page.locator('main, body').first().innerText();
  expect(text).not.toMatch(SERVER_ENGLISH);
}

describe("the editor's desk (browser, zh-CN)", () => {
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
    await app.context.close();
  });

  it('shows a viewer the clipping read-only: text, no form, no save button', async () => {
    const { page } = app;
    const viewer = { username: '读者小周', password: '只读账号-2024' };
    await callApi(server, 'POST', '/api/users', { ...viewer, role: 'viewer' });
    const c = await createClipping({ title: '只读视图里的剪报' });
    await loginAs(page, server, viewer.username, viewer.password);
    await page.goto(`/clippings/${c.id}`);
    await page.getByTestId('read-only').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`剪报 #${c.id}`);
    await expect(page.getByTestId('read-only').innerText()).resolves.toContain('只读视图里的剪报');
    await expect(page.locator('form.clipping-form').count()).resolves.toBe(0);
    await expect(page.getByTestId('read-only').locator('input, textarea, select').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
    await shot(page, 'viewer-read-only');
  });

  it('restores several trash items at once, or none with the reason marked on the row', async () => {
    const { page } = app;
    const a = await createClipping({ title: '回收站甲', pageLabel: 'A3' });
    const b = await createClipping({ title: '回收站乙' });
    const gone = await callApi<Publication>(server, 'POST', '/api/publications', { name: '已停刊的晚报' });
    const orphan = await callApi<Clipping>(server, 'POST', '/api/clippings', {
      publicationId: gone.id,
      issueDate: '2024-10-21',
      pageLabel: '1',
      title: '报刊已删除的剪报',
      body: '这份报纸已经从系统里删除。',
    });
    for (const c of [a, b, orphan]) await callApi(server, 'DELETE', `/api/clippings/${c.id}`);
    await callApi(server, 'DELETE', `/api/publications/${gone.id}`);

    await loginAs(page, server);
    await page.goto('/admin/trash');
    const row = (label: string) => page.locator('tbody tr', { hasText: label });
    await row('回收站甲').waitFor();
    await expect(row('回收站甲').innerText()).resolves.toContain('济宁日报 · 2024-10-22 · 版面 A3');

    await row('回收站甲').getByRole('checkbox').check();
    await row('报刊已删除的剪报').getByRole('checkbox').check();
    await page.getByRole('button', { name: '恢复所选（2）' }).click();
    await page.getByText('所选的 2 项中有 1 项无法恢复，因此一项也没有恢复').waitFor();
    await expect(row('报刊已删除的剪报').getAttribute('class')).resolves.toContain('refused');
    await expect(row('报刊已删除的剪报').innerText()).resolves.toContain('所属报刊已被删除');
    await expectNoEnglish(page);
    await shot(page, 'trash-refused');

    await row('报刊已删除的剪报').getByRole('checkbox').uncheck();
    await row('回收站乙').getByRole('checkbox').check();
    await page.getByRole('button', { name: '恢复所选（2）' }).click();
    await page.getByRole('status').filter({ hasText: '已恢复 2 项。' }).waitFor();
    const left = await callApi<{ items: TrashItem[] }>(server, 'GET', '/api/trash');
    expect(left.items.map((i) => i.entityId)).toEqual([orphan.id]);
    await shot(page, 'trash-restored');
  });

  it('reads the audit log in Chinese with links to what each event names', async () => {
    const { page } = app;
    const c = await createClipping({ title: '审计里的剪报' });
    await callApi(server, 'PATCH', `/api/clippings/${c.id}`, { status: 'reviewed' });
    await loginAs(page, server);
    await page.goto('/admin/audit');
    const edited = page.locator('tbody tr', { hasText: '修改剪报' }).first();
    await edited.waitFor();
    await expect(edited.innerText()).resolves.toContain('“审计里的剪报”：改了状态');
    await expect(page.locator('tbody').innerText()).resolves.not.toMatch(/\{"|":/);
    await shot(page, 'audit-log');
    await edited.getByRole('link', { name: `剪报 #${c.id}` }).click();
    await page.waitForURL(new RegExp(`/clippings/${c.id}$`));
  });
});
