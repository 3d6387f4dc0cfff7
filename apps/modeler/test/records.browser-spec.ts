// The record pages in Chromium: a seller opens a lead, has a change refused by the engine with the
// message under the field and then accepted, comments with an @mention picked from the list,
// uploads a file (and has one refused) and downloads it, and sees all of it in the timeline; a
// seller opening another seller's deal sees "not found"; a lead named with markup is shown as
// text and runs nothing; the list filters and shows enum values by their labels; the timeline names
// related records (a link) and says only "a record you may not see" of one the seller may not see,
// a custom-field write one line per field by its title with its value in words; the process card says
// where the process waits by the diagram's names;
// axe on every screen, screenshots at 1280 px and tablet width.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { bearer } from '../../engine/test/support/engine-suite.js';
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

describeWithBrowser('record pages', () => {
  const suite = setupBrowserSuite({ standardPackages: true });
  let sally: TestUser; // seller, owns the records
  let sid: TestUser; // seller in the same team, owns none of them
  let maggie: TestUser; // the team's manager

  const create = async (user: TestUser, path: string, body: object): Promise<string> => {
    const response = await suite.engine
      .http()
      .post(`/api/v1/${path}`)
      .set(...bearer(user.token))
      .send(body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline' });

  beforeAll(async () => {
    sally = await suite.createUser('sally', ['seller'], ['north']);
    sid = await suite.createUser('sid', ['seller'], ['north']);
    maggie = await suite.createUser('maggie', ['manager'], ['north']);
  });

  it('lets a seller edit a lead, comment with a mention, attach a file and see it all in the timeline', async () => {
    await create(sally, 'organizations', { name: 'Acme Logistics' });
    const leadId = await create(sally, 'leads', { title: 'Fleet renewal for Acme', channel: 'web-form', contactName: 'Ada Acme' });
    const page = await suite.newPage();
    await signIn(page, sally, `/workspace/records/lead/${leadId}`);
    await page.getByRole('heading', { name: 'Fleet renewal for Acme', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Custom fields' }).waitFor();
    // A catalog field shows its value's label (the key is web-form).
    await page.getByRole('region', { name: 'Details' }).getByText('Web form', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-lead');

    // A budget below zero: the engine's 400 under the field, nothing saved; then a good one.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const budget = page.getByLabel('Budget', { exact: true });
    await budget.fill('-5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('must be >= 0').waitFor();
    expect(await budget.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-lead-field-error');
    await budget.fill('25000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('25,000', { exact: true }).waitFor();
    await timeline(page).getByText('Budget: — → 25,000', { exact: true }).waitFor();

    // The lead's organization, found by name among hers; the organization lists the lead.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('combobox', { name: 'Organization' }).fill('Acme');
    await page.getByRole('option', { name: 'Acme Logistics' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // The timeline names the organization (a link to it), not its id.
    await timeline(page).getByText('Organization: — → Acme Logistics', { exact: true }).waitFor();
    await timeline(page).getByRole('link', { name: 'Acme Logistics' }).waitFor();
    const related = page.getByRole('region', { name: 'Related records' });
    await related.getByRole('link', { name: 'Acme Logistics' }).click();
    await page.getByRole('heading', { name: 'Acme Logistics', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Related records' }).getByRole('link', { name: 'Fleet renewal for Acme' }).click();
    await page.getByRole('heading', { name: 'Fleet renewal for Acme', level: 1 }).waitFor();

    // A custom field, edited with the form built from the package's lead.fields.json.
    await page.getByRole('button', { name: 'Edit the custom fields' }).click();
    await page.getByLabel('Best time to call').fill('mornings');
    // The choices by their titles in the package's schema (oneOf of const and title), not the values.
    const companySize = page.getByLabel('Company size (employees)');
    expect((await companySize.locator('option').allTextContents()).filter((text) => text !== '')).toEqual([
      '1 to 9',
      '10 to 49',
      '50 to 249',
      '250 to 999',
      '1,000 or more',
    ]);
    await companySize.selectOption({ label: '10 to 49' });
    await screenshot(page, 'records-lead-custom-form');
    await page.getByLabel('Agreed to receive newsletters').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('mornings', { exact: true }).waitFor();
    const customCard = page.getByRole('region', { name: 'Custom fields' });
    await customCard.getByText('10 to 49', { exact: true }).waitFor();
    // The write of three custom fields: one line each in the timeline, by title, the values in words.
    const customChange = timeline(page).locator('li').filter({ hasText: 'Best time to call' });
    await customChange.getByText('Company size (employees): — → 10 to 49', { exact: true }).waitFor();
    await customChange.getByText('Best time to call: — → mornings', { exact: true }).waitFor();
    await customChange.getByText('Agreed to receive newsletters: — → yes', { exact: true }).waitFor();
    expect(await customChange.textContent()).not.toContain('{');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-lead-custom-change');

    // A comment mentioning the manager, picked from the list the engine offers.
    const comment = page.getByLabel('Comment', { exact: true });
    await comment.click();
    await comment.pressSequentially('Budget confirmed. @mag');
    await page.getByRole('option', { name: '@maggie' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Enter');
    expect(await comment.inputValue()).toBe('Budget confirmed. @maggie ');
    await comment.pressSequentially('please approve');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Notified: maggie').waitFor();
    await timeline(page).getByText('Budget confirmed. @maggie please approve').waitFor();
    const notifications = await suite.engine
      .http()
      .get('/api/v1/notifications')
      .set(...bearer(maggie.token));
    expect(notifications.body.items.map((item: { message: string }) => item.message)).toEqual([expect.stringContaining('sally mentioned you on the lead')]);

    // A file the engine refuses (not a kind it takes), then one it stores, downloaded again.
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02]) });
    await page.getByRole('alert').filter({ hasText: 'The file was not stored' }).waitFor();
    await screenshot(page, 'records-lead-upload-refused');
    const notes = 'Offer notes: 3 vans, delivery in March.\n';
    await fileInput.setInputFiles({ name: 'offer-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) });
    const link = page.getByRole('link', { name: 'offer-notes.txt' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('offer-notes.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(notes);

    // The timeline, newest first: the file, the comment, the custom field, the budget.
    await timeline(page).getByText('offer-notes.txt').first().waitFor();
    const kinds = await timeline(page).locator('li .mantine-Badge-label').allTextContents();
    expect(kinds.slice(0, 4)).toEqual(['File', 'Comment', 'Change', 'Change']);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-lead-worked');

    // Deleting asks once more; the file goes, its history stays in the timeline.
    await page.getByRole('button', { name: 'Delete offer-notes.txt' }).click();
    await page.getByRole('button', { name: 'Delete it: offer-notes.txt' }).click();
    await page.getByText('No files yet.').waitFor();
    await timeline(page).getByText('offer-notes.txt').first().waitFor();

    // The lead's process (the standard lead package starts one for every lead), in the diagram's words:
    // the process's name and where it waits by its element's name, never the ids.
    const processCard = page.getByRole('region', { name: 'Process' });
    await processCard.getByText('Lead generation (version 1)').waitFor();
    await processCard.getByText(/^Waits at: .*Check for duplicates/).waitFor();
    expect(await processCard.textContent()).not.toContain('checkDuplicates');
    await screenshot(page, 'records-lead-process');
  });

  it('shows the lists with filters and opens a record from them, at tablet width too', async () => {
    await create(sally, 'leads', { title: 'Warehouse shelving', channel: 'call', status: 'working' });
    await create(sally, 'leads', { title: 'Office chairs', channel: 'call', status: 'new' });
    const page = await suite.newPage();
    await signIn(page, sally, '/workspace/records/lead');
    const table = page.getByRole('table', { name: 'Leads' });
    await table.getByRole('link', { name: 'Office chairs' }).waitFor();
    // Enum values by their labels, in the cells and in the filter's choices (the keys are new, working).
    await table.getByRole('row').filter({ hasText: 'Office chairs' }).getByRole('cell', { name: 'New', exact: true }).waitFor();
    const statuses = await page.getByLabel('Status', { exact: true }).locator('option').allTextContents();
    expect(statuses).toEqual(['Any', 'New', 'Working', 'Nurturing', 'Converted', 'Parked', 'Disqualified']);
    await page.getByLabel('Status', { exact: true }).selectOption('working');
    await page.waitForURL('**/workspace/records/lead?status=working');
    await table.getByRole('link', { name: 'Office chairs' }).waitFor({ state: 'detached' });
    await table.getByRole('row').filter({ hasText: 'Warehouse shelving' }).getByRole('cell', { name: 'Working', exact: true }).waitFor();
    expect(await table.getByText('working', { exact: true }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-list-leads');
    await table.getByRole('link', { name: 'Warehouse shelving' }).click();
    await page.getByRole('heading', { name: 'Warehouse shelving', level: 1 }).waitFor();

    const tablet = await suite.newPage({ viewport: TABLET });
    await signIn(tablet, sally, page.url().replace(suite.url(), ''));
    await tablet.getByRole('heading', { name: 'Warehouse shelving', level: 1 }).waitFor();
    await tablet.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expectNoSeriousAxeViolations(tablet);
    await screenshot(tablet, 'records-lead-tablet');
    const width = await tablet.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(TABLET.width);
  });

  it("pages the timeline with the engine's cursor, newest first", async () => {
    const contactId = await create(sally, 'contacts', { firstName: 'Paula', lastName: 'Pager' });
    for (let n = 1; n <= 24; n += 1) await create(sally, `contacts/${contactId}/comments`, { body: `note ${n}` });
    const page = await suite.newPage();
    await signIn(page, sally, `/workspace/records/contact/${contactId}`);
    const entries = timeline(page).locator(':scope > li');
    await timeline(page).getByText('note 24', { exact: true }).waitFor();
    // The newest page: the 20 latest comments; the older ones and the contact's creation after "Show older entries".
    expect(await entries.count()).toBe(20);
    expect(await timeline(page).getByText('note 4', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show older entries' }).click();
    await timeline(page).getByText('note 1', { exact: true }).waitFor();
    const texts = await entries.allTextContents();
    expect(texts.filter((text) => /note \d+$/.test(text)).map((text) => text.replace(/^.*note /, 'note '))).toEqual(
      Array.from({ length: 24 }, (_unused, index) => `note ${24 - index}`),
    );
    expect(await page.getByRole('button', { name: 'Show older entries' }).count()).toBe(0);
  });

  it("answers a seller who opens another seller's opportunity with not found", async () => {
    const dealId = await create(sally, 'opportunities', { name: 'Secret deal', value: 90000, currency: 'EUR' });
    const page = await suite.newPage();
    await signIn(page, sid, `/workspace/records/opportunity/${dealId}`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    expect(await page.getByText('Secret deal').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-not-found');

    // Her manager sees it, with the value in its currency and the hand-over she may do.
    const manager = await suite.newPage();
    await signIn(manager, maggie, `/workspace/records/opportunity/${dealId}`);
    await manager.getByRole('heading', { name: 'Secret deal', level: 1 }).waitFor();
    await manager.getByText('€90,000.00').waitFor();
    await manager.getByRole('button', { name: 'Hand over' }).waitFor();
  });

  it('shows a lead named with markup as text and runs nothing', async () => {
    const leadId = await create(sally, 'leads', { title: MARKUP, channel: 'web-form' });
    const page = await suite.newPage();
    await signIn(page, sally, `/workspace/records/lead/${leadId}`);
    await page.getByRole('heading', { name: MARKUP, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Back to Leads' }).click();
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: MARKUP }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await scriptMark(page)).toBeUndefined();
    await screenshot(page, 'records-markup-as-text');
  });

  it('names in the timeline a record the seller may not see only as such', async () => {
    const own = await create(sally, 'organizations', { name: 'Sally Supplies' });
    const hidden = await create(sid, 'organizations', { name: 'Sid Secret Supplies' });
    const leadId = await create(sally, 'leads', { title: 'Moved lead', channel: 'call', organizationId: own });
    // Her manager moves the lead to an organization only Sid sees.
    const moved = await suite.engine
      .http()
      .patch(`/api/v1/leads/${leadId}`)
      .set(...bearer(maggie.token))
      .send({ organizationId: hidden });
    expect(moved.status).toBe(200);

    const page = await suite.newPage();
    await signIn(page, sally, `/workspace/records/lead/${leadId}`);
    await timeline(page).getByText('Organization: Sally Supplies → a record you may not see', { exact: true }).waitFor();
    const move = timeline(page).getByRole('listitem').filter({ hasText: 'a record you may not see' });
    await move.getByRole('link', { name: 'Sally Supplies' }).waitFor();
    expect(await move.getByRole('link').count()).toBe(1);
    expect(await page.getByText('Sid Secret Supplies').count()).toBe(0);
    expect(await timeline(page).getByText(hidden).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'records-timeline-names');

    // Her manager sees both, each a link.
    const manager = await suite.newPage();
    await signIn(manager, maggie, `/workspace/records/lead/${leadId}`);
    await timeline(manager).getByText('Organization: Sally Supplies → Sid Secret Supplies', { exact: true }).waitFor();
    await timeline(manager).getByRole('link', { name: 'Sid Secret Supplies' }).waitFor();
  });
});
