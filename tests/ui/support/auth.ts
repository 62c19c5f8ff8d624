// Logging in through the real login form, as a user would.
import type { Page } from 'playwright-core';
import type { RunningServer } from './server';

/**
 * Open `/login` (optionally with a returnUrl), fill in the form and wait until the app has left the
 * login page. Without `username`/`password` logs in as the admin the server was started with.
 */
export async function loginAs(
  page: Page,
  server: RunningServer,
  username = server.admin?.username,
  password = server.admin?.password,
  returnUrl?: string,
): Promise<void> {
  if (username === undefined || password === undefined) {
    throw new Error('loginAs: no account given and the server was started without an admin');
  }
  await page.goto(returnUrl ? `/login?returnUrl=${encodeURIComponent(returnUrl)}` : '/login');
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Log in)$/ }).click();
  // Either the app moves on or the form shows why not (wrong password, rate limit, …).
  await page.waitForFunction(
    () => !location.pathname.startsWith('/login') || document.querySelector('.alert.error') !== null,
  );
  if (new URL(page.url()).pathname.startsWith('/login')) {
    throw new Error(`login as ${username} failed: ${await page.locator('.alert.error').innerText()}`);
  }
}

/** Log out through the user menu and wait for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(退出登录|Log out)$/ }).click();
  await page.waitForURL(/\/login/);
}
