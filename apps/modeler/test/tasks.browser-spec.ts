// The sellers' work in Chromium: a web-form lead's task handed by a manager from the unsorted queue
// to a seller, who completes it with its form (the engine's field error shown first); a team-queue
// deal's task claimed and given back, the list filtered by process and by stage; the notification bell counting a mention; the search finding
// a contact by phone; quick add of a lead that starts its process; the agenda's "log a call"; a
// lead named with markup shown as text in the task list and the search. axe and screenshots on each.
import type { Page } from 'playwright-core';
import {
  describeWithBrowser,
  expectNoSeriousAxeViolations,
  MARKUP,
  screenshot,
  scriptMark,
  setupBrowserSuite,
  signIn,
  TABLET,
  type TestUser,
} from './support/index.js';

async function noScriptRan(page: Page): Promise<void> {
  expect(await scriptMark(page)).toBeUndefined();
  expect(await page.locator('main img[src="x"], [role="dialog"] img[src="x"]').count()).toBe(0);
}

function taskRow(page: Page, name: string) {
  return page.getByTestId('task-list').getByRole('row').filter({ hasText: name });
}

describeWithBrowser('the sellers’ tasks, agenda, notifications, search and quick add', () => {
  // Phones written without a country code are German here: `030 1234567` is `+49 30 1234567`.
  const suite = setupBrowserSuite({ standardPackages: true, env: { STAGEFLOW_PHONE_REGION: 'DE' } });
  let seller: TestUser;
  let manager: TestUser;
  let salesTeamId: string;
  let leadId: string;

  beforeAll(async () => {
    seller = await suite.createUser('sara', ['seller'], ['sales']);
    manager = await suite.createUser('max', ['manager'], ['sales']);
    await suite.createUser('sven', ['seller'], ['sales']);
    const admin = suite.engine.as(suite.engine.adminToken());
    salesTeamId = ((await admin.get('/teams')).body.items as { id: string; name: string }[]).find((team) => team.name === 'sales')!.id;

    // A request from the web form, waiting in the sales team's queue: the lead process starts and,
    // without a territory, its first task waits in the managers' unsorted queue.
    const lead = await admin.post('/leads', { title: MARKUP, channel: 'web-form', contactName: 'Nora Field', ownerId: null, teamId: salesTeamId });
    expect(lead.status).toBe(201);
    leadId = lead.body.id;
    // A deal in the team's queue: its stage task is offered to the sales group, for anyone to claim.
    const deal = await admin.post('/opportunities', { name: 'Fleet renewal', value: 48000, currency: 'EUR', ownerId: null, teamId: salesTeamId });
    expect(deal.status).toBe(201);
    // Sara's own contact, found by phone; her own deal, on her agenda with its next contact later
    // today (a date already past would bring a reminder, which the bell would count too).
    expect((await admin.post('/contacts', { firstName: 'Pia', lastName: 'Phone', phones: ['+49 30 1234567'], ownerId: seller.id })).status).toBe(201);
    const own = await admin.post('/opportunities', {
      name: 'Harbour cranes',
      ownerId: seller.id,
      nextContactAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    });
    expect(own.status).toBe(201);

    // The processes start as jobs after the creates commit: wait for both tasks.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const open = await admin.get('/tasks?state=created&limit=50');
      const names = (open.body.items as { name: string }[]).map((task) => task.name);
      if (names.includes('Check for duplicates') && names.includes('Start the relationship')) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the lead and deal processes did not create their tasks');
  }, 60_000);

  it('lets a manager hand a task of the unsorted queue to a seller', async () => {
    const page = await suite.newPage();
    await signIn(page, manager, '/workspace/tasks');
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    await page.getByText('Unsorted queue', { exact: true }).click();
    const row = taskRow(page, 'Check for duplicates');
    await row.waitFor();
    await expect(row.getByRole('link', { name: MARKUP })).toBeTruthy();
    await noScriptRan(page);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'tasks-manager-unsorted');

    await row.getByRole('button', { name: /^Open/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Task' });
    await drawer.getByRole('combobox', { name: 'Hand to a seller' }).click();
    await page.getByRole('option', { name: 'sara', exact: true }).click();
    await drawer.getByRole('button', { name: 'Hand over' }).click();
    await drawer.getByText('Assignee: sara').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'tasks-manager-hand-over');
  });

  it('lets a seller complete the lead’s task with its form, the engine’s field error shown first; the markup title stays text', async () => {
    const page = await suite.newPage();
    await signIn(page, seller, '/workspace/tasks');
    const row = taskRow(page, 'Check for duplicates');
    await row.waitFor();
    await row.getByRole('link', { name: MARKUP }).waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('sara');
    await noScriptRan(page);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'tasks-seller');

    await row.getByRole('button', { name: /^Open/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Task' });
    const complete = drawer.getByRole('button', { name: 'Complete' });
    // The engine checks as the seller types: a note over the form's 200 characters is named at its field.
    const duplicateOf = drawer.getByRole('textbox', { name: 'The existing record' });
    await duplicateOf.fill('x'.repeat(201));
    const fieldError = drawer
      .locator('.rjsf-field-string')
      .filter({ has: page.getByRole('textbox', { name: 'The existing record' }) })
      .getByText('must be at most 200 characters long');
    await screenshot(page, 'task-form-typed');
    await fieldError.waitFor();
    // Submitted anyway: the engine refuses the completion and names the field.
    await complete.click();
    await drawer.getByRole('alert').filter({ hasText: 'The task was not completed' }).waitFor();
    await fieldError.waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'task-form-refused');

    // Fixed: "not a duplicate", which the engine accepts; the task leaves the list.
    await duplicateOf.fill('');
    await fieldError.waitFor({ state: 'detached' });
    await complete.click();
    await drawer.waitFor({ state: 'hidden' });
    await taskRow(page, 'Check for duplicates').waitFor({ state: 'detached' });
    const history = await suite.engine.as(suite.engine.adminToken()).get(`/tasks?state=completed&limit=50`);
    expect(
      (history.body.items as { name: string; completedBy: string; variables: unknown }[]).find((task) => task.name === 'Check for duplicates'),
    ).toMatchObject({
      completedBy: 'sara',
    });
  });

  it('lets a seller claim a deal’s task offered to the team and give it back', async () => {
    const page = await suite.newPage();
    await signIn(page, seller, '/workspace/tasks');
    const row = taskRow(page, 'Fleet renewal');
    await row.getByRole('button', { name: 'Claim Start the relationship' }).click();
    await row.getByRole('cell', { name: 'sara', exact: true }).waitFor();
    await page.getByText('Assigned to me', { exact: true }).click();
    await taskRow(page, 'Fleet renewal').waitFor();
    await screenshot(page, 'tasks-seller-claimed');
    await taskRow(page, 'Fleet renewal').getByRole('button', { name: 'Give back Start the relationship' }).click();
    await taskRow(page, 'Fleet renewal').waitFor({ state: 'detached' });
    await page.getByText("Mine and my teams'", { exact: true }).click();
    await taskRow(page, 'Fleet renewal').getByRole('cell', { name: 'not assigned' }).waitFor();

    // Filtered by process: the lead process has no open task of hers, the pipeline both deals'.
    await page.getByRole('combobox', { name: 'Process' }).click();
    await page.getByRole('option', { name: 'Lead generation' }).click();
    await page.getByText('No open task matches these filters.').waitFor();
    await page.getByRole('combobox', { name: 'Process' }).click();
    await page.getByRole('option', { name: 'Opportunity pipeline' }).click();
    await taskRow(page, 'Fleet renewal').waitFor();
    await taskRow(page, 'Harbour cranes').waitFor();

    // Filtered by stage (the stage of the task's step in the deal's process): the pipeline's stages
    // are offered; both deals wait at Identification, none at Qualification.
    await page.getByRole('combobox', { name: 'Stage' }).click();
    const offered = await page.getByRole('listbox').getByRole('option').allTextContents();
    expect(offered).toEqual(['Any stage', 'Identification', 'Lost', 'Negotiation', 'Offer', 'Qualification', 'Won']);
    await page.getByRole('option', { name: 'Qualification' }).click();
    await page.getByText('No open task matches these filters.').waitFor();
    await page.getByRole('combobox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: 'Identification' }).click();
    await taskRow(page, 'Fleet renewal').waitFor();
    await taskRow(page, 'Harbour cranes').waitFor();
    await screenshot(page, 'tasks-by-stage');
    await expectNoSeriousAxeViolations(page);
  });

  it('counts a mention on the bell without a reload and marks it read', async () => {
    const page = await suite.newPage();
    await signIn(page, seller, '/workspace/tasks');
    const bell = page.getByTestId('notification-bell');
    await bell.and(page.getByRole('button', { name: 'Notifications, none unread' })).waitFor();
    const comment = await suite.engine.as(manager.token).post(`/leads/${leadId}/comments`, { body: '@sara please call them today' });
    expect(comment.body.notified).toEqual(['sara']);
    // The bell polls every 15 s: the count arrives without a reload.
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 30_000 });
    await bell.click();
    const list = page.getByRole('dialog').filter({ hasText: 'Notifications' });
    await list.getByRole('listitem').filter({ hasText: 'max mentioned you' }).waitFor();
    await noScriptRan(page);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'notifications');
    await list
      .getByRole('listitem')
      .filter({ hasText: 'max mentioned you' })
      .getByRole('button', { name: /^Mark read/ })
      .click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
  });

  it('finds a contact by phone with Ctrl+K and shows a markup title as text', async () => {
    const page = await suite.newPage();
    await signIn(page, seller, '/workspace/tasks');
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search records' });
    const field = dialog.getByRole('textbox', { name: 'Name, e-mail or phone' });
    await field.fill('030 1234567');
    const hit = dialog.getByRole('link', { name: /Pia Phone/ });
    await hit.waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'search-phone');

    await field.fill('<img src');
    await dialog.getByRole('link', { name: new RegExp(MARKUP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    await noScriptRan(page);

    await field.fill('030 1234567');
    await hit.waitFor();
    await field.press('ArrowDown');
    expect(await hit.evaluate((element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workspace\/records\/contact\/[0-9a-f-]+$/);
  });

  it('quick-adds a lead, which starts its process', async () => {
    const page = await suite.newPage();
    await signIn(page, seller, '/workspace/tasks');
    await page.getByTestId('quick-add').click();
    await page.getByRole('menuitem', { name: 'Lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Not created' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Forklift fleet');
    // The refusal was about the values sent then: an edit clears it.
    await dialog.getByRole('alert').waitFor({ state: 'detached' });
    await dialog.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Web form' }).click();
    await dialog.getByRole('textbox', { name: 'Phone' }).fill('+49 40 555 0101');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'quick-add-lead');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('its process has started').waitFor();

    const leads = await suite.engine.as(seller.token).get('/leads?q=Forklift');
    expect(leads.body.items).toEqual([expect.objectContaining({ title: 'Forklift fleet', ownerId: seller.id })]);
    let instances: unknown[] = [];
    for (let attempt = 0; attempt < 50 && instances.length === 0; attempt += 1) {
      instances = (await suite.engine.as(suite.engine.adminToken()).get(`/leads/${leads.body.items[0].id}/process`)).body.instances ?? [];
      if (instances.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(instances).toEqual([expect.objectContaining({ definitionKey: 'lead-generation' })]);
  });

  it('shows the agenda and logs a call with its outcome and the next contact in two clicks', async () => {
    const page = await suite.newPage();
    await signIn(page, seller, '/workspace/agenda');
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    const deals = page.getByRole('region', { name: 'Next contacts' });
    const deal = deals.getByRole('listitem').filter({ hasText: 'Harbour cranes' });
    await deal.getByText(/^next contact /).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'agenda');

    await deal.getByRole('button', { name: 'Log a call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a call: Harbour cranes' });
    await dialog.getByRole('textbox', { name: 'Outcome' }).fill('wants an offer by Friday');
    await dialog.getByLabel('Next contact').fill('2030-01-10T09:30');
    await screenshot(page, 'agenda-log-call');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await deal.getByText(/next contact Jan 10, 2030/).waitFor();
    const activities = await suite.engine.as(seller.token).get('/activities?kind=call');
    expect(activities.body.items).toEqual([expect.objectContaining({ kind: 'call', outcome: 'wants an offer by Friday', done: true })]);
  });

  it('works at tablet width', async () => {
    const page = await suite.newPage({ viewport: TABLET });
    await signIn(page, seller, '/workspace/tasks');
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    await taskRow(page, 'Fleet renewal').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'tasks-tablet');
    await page.goto('/workspace/agenda');
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Next contacts' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'agenda-tablet');
  });
});
