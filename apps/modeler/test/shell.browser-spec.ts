// The shell of the web app in Chromium: sign-in and sign-out with the cookie session, the
// navigation by role, the standard packages on the processes page, data shown as text, axe on
// every screen, screenshots of each.
import type { Page } from 'playwright-core';
import {
  describeWithBrowser,
  expectNoSeriousAxeViolations,
  MARKUP,
  screenshot,
  scriptMark,
  setupBrowserSuite,
  signIn,
  signOut,
  TABLET,
  type TestUser,
} from './support/index.js';

function navigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

/** The navigation's sections and links as the user sees them (other features add links: the checks name the shell's own). */
async function navigationOf(page: Page): Promise<{ sections: string[]; links: string[] }> {
  return { sections: await navigation(page).getByRole('heading').allTextContents(), links: await navigation(page).getByRole('link').allTextContents() };
}

describeWithBrowser('the web app shell', () => {
  const suite = setupBrowserSuite({ standardPackages: true });
  let analyst: TestUser;
  let seller: TestUser;

  beforeAll(async () => {
    analyst = await suite.createUser('ana', ['analyst']);
    seller = await suite.createUser('sam', ['seller'], ['sales']);
  });

  it('refuses a wrong password in words and signs an analyst in to the studio', async () => {
    const page = await suite.newPage();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'sign-in');

    await page.getByLabel('Username', { exact: true }).fill('ana');
    await page.getByLabel('Password', { exact: true }).fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    await screenshot(page, 'sign-in-refused');

    await page.getByLabel('Password', { exact: true }).fill(analyst.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/studio/processes');
    await page.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();
    const { sections, links } = await navigationOf(page);
    expect(sections).toEqual(['Studio']);
    expect(links).toContain('Processes');
    expect(links).not.toContain('My tasks');
  });

  it('keeps the session over a reload and ends it at sign-out, even for a replayed cookie', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'stageflow_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain('stageflow_session');

    await page.reload();
    await page.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/studio/processes');

    await signOut(page);
    await page.goto('/studio/processes');
    await page.waitForURL('**/sign-in?next=%2Fstudio%2Fprocesses');

    // The old cookie, put back, opens nothing.
    await page.context().addCookies([session!]);
    const replayed = await page.request.get('/api/v1/auth/session');
    expect(replayed.status()).toBe(401);
  });

  it('sends a user whose session ended elsewhere back to the sign-in page, saying so', async () => {
    const ada = await suite.createUser('ada', ['admin']);
    const page = await suite.newPage();
    await signIn(page, ada);
    await page.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();

    // An admin sets her password: every session of hers ends, this page's too.
    await suite.engine.as(suite.engine.adminToken()).post(`/users/${ada.id}/password`, { password: 'a-new-password' }).expect(200);
    await navigation(page).getByRole('link', { name: 'Users' }).click();

    await page.waitForURL('**/sign-in?next=%2Fadmin%2Fusers');
    await page.getByText('Your session ended. Please sign in again.').waitFor();
    await screenshot(page, 'session-ended');
  });

  it('brings a user back to the page they asked for after sign-in', async () => {
    const page = await suite.newPage();
    await page.goto('/admin/users');
    await page.waitForURL('**/sign-in?next=%2Fadmin%2Fusers');
    await page.getByLabel('Username', { exact: true }).fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(suite.admin().password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/users');
  });

  it('lists the standard packages and their process definitions', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst);
    const packages = page.getByRole('table', { name: 'Packages' });
    for (const name of ['lead', 'opportunity', 'account']) await packages.getByText(name, { exact: true }).waitFor();
    const definitions = page.getByRole('table', { name: 'Process definitions' });
    for (const key of ['lead-generation', 'opportunity-pipeline', 'account-management']) await definitions.getByText(key, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'processes');

    // A process's versions open with the keyboard: who deployed each, with which package version.
    const versions = definitions.getByRole('row').filter({ hasText: 'lead-generation' }).getByRole('button', { name: '1 version' });
    await versions.focus();
    await page.keyboard.press('Enter');
    expect(await versions.getAttribute('aria-expanded')).toBe('true');
    const leadVersions = page.getByRole('table', { name: 'Versions of Lead generation' });
    await leadVersions.getByRole('cell', { name: 'engine', exact: true }).waitFor();
    await leadVersions.getByRole('cell', { name: /^lead \d+\.\d+\.\d+$/ }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'processes-versions');
  });

  it('shows a seller the workspace with their open tasks, and no studio', async () => {
    const page = await suite.newPage();
    await signIn(page, seller);
    await page.waitForURL('**/workspace/tasks');
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    const { sections, links } = await navigationOf(page);
    expect(sections).toEqual(['Workspace']);
    expect(links).toContain('My tasks');
    expect(links).not.toContain('Processes');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'workspace-home');

    await page.goto('/studio/processes');
    await page.getByText('You do not have access to this.').waitFor();
  });

  it('shows an admin the studio, the workspace and the administration', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.admin());
    await page.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();
    const { sections, links } = await navigationOf(page);
    expect(sections).toEqual(['Studio', 'Workspace', 'Administration']);
    expect(links).toEqual(expect.arrayContaining(['Processes', 'My tasks', 'Users', 'Teams', 'Territories']));
    for (const [link, heading, shot] of [
      ['Users', 'Users', 'admin-users'],
      ['Teams', 'Teams', 'admin-teams'],
      ['Territories', 'Territories', 'admin-territories'],
    ] as const) {
      await navigation(page).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page
        .getByRole('table')
        .or(page.getByText(/^No .* yet\.$/))
        .first()
        .waitFor();
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, shot);
    }
    await page.getByRole('table').getByRole('cell', { name: 'sam', exact: true }).or(page.getByText('No territories yet.')).first().waitFor();
  });

  it('works at tablet width with the navigation behind a button', async () => {
    const page = await suite.newPage({ viewport: TABLET });
    await signIn(page, suite.admin());
    await page.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();
    await screenshot(page, 'processes-tablet');
    await expectNoSeriousAxeViolations(page);

    // Closed, the navigation is out of reach (inert: no focus, not in the accessibility tree).
    expect(await page.locator('nav[inert]').count()).toBe(1);
    await page.getByRole('button', { name: 'Toggle navigation' }).focus();
    await page.keyboard.press('Enter');
    const teams = navigation(page).getByRole('link', { name: 'Teams' });
    await teams.waitFor();
    expect(await page.locator('nav[inert]').count()).toBe(0);
    // The drawer slides in: the picture once it has arrived.
    await page.waitForFunction(() => {
      const nav = (
        globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { x: number } } | null } }
      ).document.querySelector('nav');
      return nav !== null && nav.getBoundingClientRect().x >= 0;
    });
    await screenshot(page, 'navigation-tablet');
    await teams.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('nav[inert]') !== null,
    );
  });

  it('shows a user name holding markup as text, and nothing in it runs', async () => {
    const marked = await suite.createUser(MARKUP, ['seller']);
    const page = await suite.newPage();
    await signIn(page, marked);
    await page.getByTestId('current-user').filter({ hasText: MARKUP }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await scriptMark(page)).toBeUndefined();
    await screenshot(page, 'markup-user-name');

    const admin = await suite.newPage();
    await signIn(admin, suite.admin(), '/admin/users');
    await admin.getByRole('cell', { name: MARKUP, exact: true }).waitFor();
    expect(await admin.locator('img[src="x"]').count()).toBe(0);
    expect(await scriptMark(admin)).toBeUndefined();
  });
});
