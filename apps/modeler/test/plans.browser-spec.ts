// Action templates and contact plans edited as forms in Chromium against the built engine: the
// liquid preview rendered by the engine on sample data (markup in the data shown as text), the
// engine's refusal by field, deploy; axe and screenshots on each screen.
import { describeWithBrowser, expectNoSeriousAxeViolations, screenshot, setupBrowserSuite, signIn, type TestUser } from './support/index.js';

const suite = setupBrowserSuite();

describeWithBrowser('action templates and contact plans', () => {
  let analyst: TestUser;

  beforeAll(async () => {
    analyst = await suite.createUser('plans-analyst', ['analyst']);
  });

  it('edits an action template as a form, previews it on sample data through the engine, and deploys it', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/plans');
    await page.getByRole('heading', { name: 'Action templates and contact plans' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'plans-list-empty');

    await page.getByLabel('Key of a new action template').fill('welcome-mail');
    await page.getByRole('button', { name: 'New action template' }).click();
    await page.getByRole('heading', { name: 'New action template welcome-mail' }).waitFor();
    await page.getByLabel('Action', { exact: true }).selectOption('sendEmail');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('{{ contact.email }}');
    await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('Welcome, {{ contact.name | upcase }}');
    await page.getByRole('textbox', { name: 'Body', exact: true }).fill('Hello {{ contact.name }}');

    await page.getByLabel('Sample data (JSON)').fill(JSON.stringify({ contact: { name: 'Ada <b>Lovelace</b>', email: 'ada@example.com' } }));
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const subject = page.locator('[data-field="subject"]');
    await subject.waitFor();
    await expect(subject.textContent()).resolves.toContain('Welcome, ADA <B>LOVELACE</B>');
    await expect(page.locator('[data-field="body"] b').count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'plans-action-template-preview');

    await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('Welcome {{ contact.name | shout }}');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.locator('[data-path="action.subject"]').waitFor();

    await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('Welcome, {{ contact.name }}');
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText('Deployed: welcome-mail version 1.').waitFor();
    const listed = await suite.engine.as(analyst.token).get('/action-templates?key=welcome-mail');
    expect(listed.body.items[0]).toEqual(expect.objectContaining({ key: 'welcome-mail', actionType: 'sendEmail', version: 1 }));
  });

  it('edits a contact plan step by step and previews every step through the engine', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/plans/contact-plans/new?key=hot-lead');
    await page.getByRole('heading', { name: 'New contact plan hot-lead' }).waitFor();

    const first = page.locator('section[data-step="step-1"]');
    await first.getByRole('textbox', { name: 'Title', exact: true }).fill('Call {{ lead.name }}');
    await page.getByRole('button', { name: 'Add step' }).click();
    const second = page.locator('section[data-step="step-2"]');
    await second.getByLabel('Action', { exact: true }).selectOption('notifyUser');
    await second.getByRole('textbox', { name: 'User', exact: true }).fill('{{ owner }}');
    await second.getByRole('textbox', { name: 'Message', exact: true }).fill('Day 1: {{ lead.name }}');

    await page.getByLabel('Sample data (JSON)').fill(JSON.stringify({ lead: { name: 'Globex' }, owner: 'anna' }));
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('region', { name: 'Step step-2 at P1D' }).waitFor();
    await expect(page.getByRole('region', { name: 'Step step-1 at PT0S' }).textContent()).resolves.toContain('Call Globex');
    await expect(page.getByRole('region', { name: 'Step step-2 at P1D' }).textContent()).resolves.toContain('Day 1: Globex');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'plans-contact-plan-preview');

    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('Valid: the engine would deploy it.').waitFor();
  });
});
