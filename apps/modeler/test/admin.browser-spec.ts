// The administration in Chromium: teams, users and territories created and changed through their
// dialogs (the cookie session's CSRF header on every write), the engine's refusals shown in words.
import type { Page } from 'playwright-core';
import { describeWithBrowser, expectNoSeriousAxeViolations, screenshot, setupBrowserSuite, signIn } from './support/index.js';

function dialog(page: Page, name: string) {
  return page.getByRole('dialog', { name });
}

describeWithBrowser('the administration', () => {
  const suite = setupBrowserSuite();

  it('creates a team, a user in it, renames the team and changes its members', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.admin(), '/admin/teams');

    await page.getByRole('button', { name: 'New team' }).click();
    const newTeam = dialog(page, 'New team');
    await newTeam.getByRole('button', { name: 'Create team' }).click();
    await newTeam.getByText('Enter a name').waitFor();
    await newTeam.getByLabel('Name').fill('north');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-team-new');
    await newTeam.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('table', { name: 'Teams' }).getByRole('cell', { name: 'north', exact: true }).waitFor();

    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'New user' }).click();
    const newUser = dialog(page, 'New user');
    await newUser.getByLabel('Username', { exact: true }).fill('nora');
    await newUser.getByLabel('Password', { exact: true }).fill('nora-password-1');
    await newUser.getByLabel('Seller').check();
    await newUser.getByLabel('Teams', { exact: true }).click();
    await page.getByRole('option', { name: 'north' }).click();
    await page.keyboard.press('Escape');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-user-new');
    await newUser.getByRole('button', { name: 'Create user' }).click();
    const noraRow = page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: 'nora' });
    await noraRow.getByRole('cell', { name: 'north', exact: true }).waitFor();

    // The same name again: the engine's 409 in words, in the dialog.
    await page.getByRole('button', { name: 'New user' }).click();
    await newUser.getByLabel('Username', { exact: true }).fill('nora');
    await newUser.getByLabel('Password', { exact: true }).fill('another-password');
    await newUser.getByLabel('Analyst').check();
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await newUser.getByRole('alert').filter({ hasText: /nora/ }).waitFor();
    await screenshot(page, 'admin-user-refused');
    await newUser.getByRole('button', { name: 'Cancel' }).click();

    // The new user signs in with the password given.
    const nora = await suite.newPage();
    await signIn(nora, { username: 'nora', password: 'nora-password-1' });
    await nora.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();

    await page.goto('/admin/teams');
    await page.getByRole('button', { name: 'Rename: north' }).click();
    const rename = dialog(page, 'Rename north');
    await rename.getByLabel('Name').fill('north-east');
    await rename.getByRole('button', { name: 'Save' }).click();
    const teams = page.getByRole('table', { name: 'Teams' });
    await teams.getByRole('cell', { name: 'north-east', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Members: north-east' }).click();
    const members = dialog(page, 'Members of north-east');
    await members.getByRole('button', { name: 'Remove nora' }).click();
    await members.getByText('No members yet.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await members.getByRole('button', { name: 'Cancel' }).click();
    expect(await teams.getByRole('row').filter({ hasText: 'north-east' }).textContent()).not.toContain('nora');
  });

  it('creates a territory with its team and owner, changes it and deletes it', async () => {
    await suite.engine.createUser('sam', ['seller'], ['south']);
    const page = await suite.newPage();
    await signIn(page, suite.admin(), '/admin/territories');
    await page.getByText('No territories yet.').waitFor();

    await page.getByRole('button', { name: 'New territory' }).click();
    const form = dialog(page, 'New territory');
    await form.getByLabel('Key').fill('south-de');
    await form.getByLabel('Name').fill('South Germany');
    await form.getByLabel('Team', { exact: true }).click();
    await page.getByRole('option', { name: 'south' }).click();
    await form.getByLabel('Default owner', { exact: true }).click();
    await page.getByRole('option', { name: 'sam' }).click();
    await expectNoSeriousAxeViolations(page);
    await form.getByRole('button', { name: 'Create territory' }).click();
    const row = page.getByRole('table', { name: 'Territories' }).getByRole('row').filter({ hasText: 'south-de' });
    await row.getByRole('cell', { name: 'sam', exact: true }).waitFor();
    await screenshot(page, 'admin-territories-list');

    await page.getByRole('button', { name: 'Edit: South Germany' }).click();
    const edit = dialog(page, 'Edit South Germany');
    expect(await edit.getByLabel('Key').isDisabled()).toBe(true);
    await edit.getByLabel('Name').fill('Southern Germany');
    await edit.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('cell', { name: 'Southern Germany', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete: Southern Germany' }).click();
    await dialog(page, 'Delete Southern Germany?').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No territories yet.').waitFor();
  });
});
