// Keyboard shortcuts in a real browser: j/k walk the clipping list and Enter opens the clipping,
// Ctrl+S saves an edit (a reload shows it), ? opens the overlay (screenshot) and Esc closes it, a
// shortcut typed into a field stays a character.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Clipping, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { ROOT, type RunningServer, startServer } from './support/server';

const SHOTS = join(ROOT, 'tests/ui/screenshots');

/** The text of the element holding focus (or of the row holding it). */
const focusedRowText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('[data-kb-item]')?.textContent ?? `(focus on ${active?.tagName ?? 'nothing'})`;
  });

describe('keyboard shortcuts (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let publication: Publication;
  const titles = ['第一条：梁山明信片', '第二条：鱼台稻米', '第三条：嘉祥石雕'];
  const ids: number[] = [];

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    publication = await callApi<Publication>(server, 'POST', '/api/publications', { name: '济宁日报' });
    // Newest issue first in the list: the first title carries the latest date.
    for (const [i, title] of titles.entries()) {
      const c = await callApi<Clipping>(server, 'POST', '/api/clippings', {
        publicationId: publication.id,
        issueDate: `2024-10-${22 - i}`,
        pageLabel: '2',
        title,
        body: `本报讯 ${title}。`,
      });
      ids.push(c.id);
    }
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

  it('j/k move through the list rows and Enter opens the current clipping', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.getByRole('link', { name: titles[2] }).waitFor();
    const order = await page.locator('tbody tr[data-kb-item]').allTextContents();
    expect(order.map((row) => titles.findIndex((t) => row.includes(t)))).toEqual([0, 1, 2]);

    await page.keyboard.press('j');
    expect(await focusedRowText(page)).toContain(titles[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedRowText(page)).toContain(titles[2]);
    await page.keyboard.press('k');
    expect(await focusedRowText(page)).toContain(titles[1]);
    // The current row is visibly marked (the focus outline).
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');

    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/clippings/${ids[1]}$`));
    expect(await page.getByLabel(/^标题/).inputValue()).toBe(titles[1]);
    // (the 401 of the session check before logging in is the only expected console line)
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });

  it('Ctrl+S saves the clipping being edited, and the reload shows the edit', async () => {
    const { page } = app;
    await page.goto(`/clippings/${ids[0]}`);
    const title = page.getByLabel(/^标题/);
    await title.waitFor();
    await title.fill('第一条：梁山明信片（已改）');
    // Still typing in the field: Ctrl+S saves anyway (and the browser's "save page" stays shut).
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: '已保存' }).first().waitFor();
    await page.reload();
    await page.getByLabel(/^标题/).waitFor();
    expect(await page.getByLabel(/^标题/).inputValue()).toBe('第一条：梁山明信片（已改）');
    const saved = await callApi<Clipping>(server, 'GET', `/api/clippings/${ids[0]}`);
    expect(saved.title).toBe('第一条：梁山明信片（已改）');
  });

  it('a shortcut typed into a field is only a character', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.getByRole('link', { name: titles[2] }).waitFor();
    const search = page.locator('#f-q');
    await search.click();
    await page.keyboard.type('jk?/');
    expect(await search.inputValue()).toBe('jk?/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
  });

  it('? opens the shortcut overlay in Chinese, Esc closes it and focus comes back', async () => {
    const { page } = app;
    await page.goto('/clippings');
    await page.getByRole('link', { name: titles[2] }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await dialog.waitFor();
    const rows = await dialog.locator('tbody tr').allInnerTexts();
    const lines = rows.map((r) => r.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        '? 显示本列表',
        '/ 跳到搜索框',
        'j 下一条剪报',
        'k 上一条剪报',
        'Enter 打开当前剪报',
      ]),
    );
    // Page shortcuts stay quiet under the overlay, and Tab stays inside it.
    await page.keyboard.press('j');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'keyboard-overlay.png') });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedRowText(page)).toContain(titles[0]);

    // Mouse users have the button in the top bar.
    await page.getByRole('button', { name: '键盘快捷键' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('the clipping form lists Ctrl+S in the overlay', async () => {
    const { page } = app;
    await page.goto(`/clippings/${ids[2]}`);
    await page.getByLabel(/^标题/).waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await dialog.getByText('保存剪报').waitFor();
    expect((await dialog.locator('kbd').allInnerTexts()).includes('Ctrl+S')).toBe(true);
  });
});
