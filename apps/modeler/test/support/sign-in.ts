// Signing in and out through the web app's own sign-in page, as a user does.
import type { Page } from 'playwright-core';
import type { TestUser } from './browser-suite.js';

/** Opens the sign-in page, signs `user` in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, user: Pick<TestUser, 'username' | 'password'>, path = '/'): Promise<void> {
  await page.goto(path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Username', { exact: true }).fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
}
