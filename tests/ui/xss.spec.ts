// Markup in clipping text is text: a clipping whose title and body are `<img src=x onerror=alert(1)>`
// (created through the API) shows that literal text on the list, the clipping page, the article
// reader, the history diff and search results (where only the server's <mark> is markup); no dialog
// ever opens and no <img src=x> reaches the DOM.
import type { Browser, Page } from 'playwright-core';
import type { Clipping, Publication } from '@jianbao/contracts';
import { type AppPage, launchBrowser, openApp } from './support/browser';
import { callApi } from './support/api';
import { loginAs } from './support/auth';
import { type RunningServer, startServer } from './support/server';

const PAYLOAD = '<img src=x onerror=alert(1)>';

const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

/** No element made from the payload: no <img src=x>, no onerror attribute anywhere. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    imgs: Array.from(document.querySelectorAll('img')).filter((i) => i.getAttribute('src') === 'x').length,
    onerror: document.querySelectorAll('[onerror]').length,
  }));
  expect(found).toEqual({ imgs: 0, onerror: 0 });
}

describe('markup in clipping text renders as text (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: AppPage;
  let dialogs: string[];
  let head: Clipping;
  let articleId: number;

  beforeAll(async () => {
    server = await startServer({ admin: true });
    browser = await launchBrowser();
    const publication = await callApi<Publication>(server, 'POST', '/api/publications', { name: '济宁日报' });
    // Created with a plain body, then edited to the payload: the history then has a diff to show it in.
    const created = await callApi<Clipping>(server, 'POST', '/api/clippings', {
      publicationId: publication.id,
      issueDate: '2025-05-01',
      pageLabel: '1',
      title: PAYLOAD,
      body: '原始正文',
    });
    head = await callApi<Clipping>(server, 'PATCH', `/api/clippings/${created.id}`, {
      body: PAYLOAD,
      version: created.version,
    });
    expect(head.title).toBe(PAYLOAD);
    expect(head.body).toBe(PAYLOAD);
    // A second part continues it, so the reader has an article to reassemble.
    const tail = await callApi<Clipping>(server, 'POST', '/api/clippings', {
      publicationId: publication.id,
      issueDate: '2025-05-01',
      pageLabel: '2',
      body: '后续正文，记者 王丽。',
    });
    await callApi(server, 'PUT', `/api/clippings/${head.id}/continuation`, { nextPartId: tail.id });
    const linked = await callApi<Clipping>(server, 'GET', `/api/clippings/${head.id}`);
    if (linked.articleId === null) throw new Error('the two parts were not linked into an article');
    articleId = linked.articleId;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    app = await openApp(browser, server.url);
    dialogs = [];
    // Any dialog means script ran: record it (the test then fails) and close it so nothing hangs.
    app.page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await loginAs(app.page, server);
  });

  afterEach(async () => {
    await app.context.close();
  });

  it('shows the literal text on the list', async () => {
    const { page } = app;
    await page.goto('/clippings');
    const link = page.getByRole('link', { name: PAYLOAD, exact: true });
    await link.waitFor();
    expect(await link.textContent()).toBe(PAYLOAD);
    await expectNoInjectedMarkup(page);
    expect(dialogs).toEqual([]);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('shows the literal text with only the search highlight as markup in search results', async () => {
    const { page } = app;
    // `img` is inside the payload: the title and the snippet both carry a highlight around it.
    await page.goto(`/clippings?q=${encodeURIComponent('img src')}`);
    const row = page.locator('tbody tr', { has: page.locator('mark') }).first();
    await row.waitFor();
    const title = row.locator('.title-cell a');
    expect(await title.textContent()).toBe(PAYLOAD);
    expect(await title.locator('mark').allTextContents()).toEqual(['img', 'src']);
    expect(await row.locator('.snippet').textContent()).toContain(PAYLOAD);
    expect(await row.locator('.snippet mark').allTextContents()).toEqual(['img', 'src']);
    // Nothing but <mark> was made an element from the clipping's text.
    expect(await row.locator('.title-cell > a *:not(mark), .title-cell > .snippet *:not(mark)').count()).toBe(
      0,
    );
    // Beside them only the row's marks (chips made from its tags, regions and links, not its text).
    expect(await row.locator('.title-cell > *:not(a):not(.snippet):not(.marks)').count()).toBe(0);
    await expectNoInjectedMarkup(page);
    expect(dialogs).toEqual([]);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('shows the literal text on the clipping page and in its history diff', async () => {
    const { page } = app;
    await page.goto(`/clippings/${head.id}`);
    await page.getByLabel(/^标题/).waitFor();
    expect(await page.getByLabel(/^标题/).inputValue()).toBe(PAYLOAD);
    expect(await page.getByLabel(/^正文/).inputValue()).toBe(PAYLOAD);
    const edit = page.locator(`[data-testid=history] li[data-version="${head.version}"]`);
    await edit.waitFor();
    const body = edit.locator('[data-field=body]');
    expect((await body.locator('del').allTextContents()).join('')).toBe('原始正文');
    expect((await body.locator('ins').allTextContents()).join('')).toBe(PAYLOAD);
    await expectNoInjectedMarkup(page);
    expect(dialogs).toEqual([]);
    expect(unexpected(app.errors)).toEqual([]);
  });

  it('shows the literal text in the article reader', async () => {
    const { page } = app;
    await page.goto(`/articles/${articleId}`);
    const heading = page.getByRole('heading', { level: 1, name: PAYLOAD });
    await heading.waitFor();
    expect(await heading.textContent()).toBe(PAYLOAD);
    expect(await page.locator('article .body').textContent()).toContain(PAYLOAD);
    await expectNoInjectedMarkup(page);
    expect(dialogs).toEqual([]);
    expect(unexpected(app.errors)).toEqual([]);
  });
});
