// The rule-set editor in Chromium against the built engine: a rule built with the condition
// builder, dry-run on typed facts (each condition's verdict and the value it saw), deployed as a
// new version; accessibility checked and screenshots kept on each screen.
import type { Page } from 'playwright-core';
import { tenderPackage } from '../../engine/test/support/packages.js';
import { describeWithBrowser, expectNoSeriousAxeViolations, screenshot, setupBrowserSuite, signIn, TABLET, type TestUser } from './support/index.js';

const suite = setupBrowserSuite();

async function dryRun(page: Page, facts: Record<string, unknown>): Promise<void> {
  await page.getByLabel('Sample facts (JSON)').fill(JSON.stringify(facts));
  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
}

describeWithBrowser('the rule-set editor', () => {
  let analyst: TestUser;

  beforeAll(async () => {
    analyst = await suite.createUser('rules-analyst', ['analyst']);
  });

  it('builds a rule with the condition builder, dry-runs it condition by condition, and deploys it as a new version', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/rule-sets');
    await page.getByRole('heading', { name: 'Rule sets' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'rules-list-empty');

    await page.getByLabel('Key of the new rule set').fill('lead-rating');
    await page.getByRole('button', { name: 'New rule set' }).click();
    await page.getByRole('heading', { name: 'New rule set lead-rating' }).waitFor();

    await page.getByRole('combobox', { name: 'Fact name' }).fill('budget');
    await page.getByLabel('Fact type').selectOption('number');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();

    const rule = page.locator('article[data-rule="rule-1"]');
    await rule.getByRole('button', { name: '+ Condition' }).click();
    await rule.locator('select[title="Fact"]').selectOption('budget');
    await rule.locator('select[title="Operator"]').selectOption('greaterThanInclusive');
    await rule.getByLabel('Value').fill('1000');
    await rule.getByLabel('Priority').fill('5');

    // The JSON view beside the builder shows the same rule.
    await page.getByLabel('The rule set as JSON').waitFor();
    const json = JSON.parse(await page.getByLabel('The rule set as JSON').inputValue());
    expect(json.rules[0]).toEqual({
      id: 'rule-1',
      priority: 5,
      conditions: { all: [{ fact: 'budget', operator: 'greaterThanInclusive', value: 1000 }] },
      result: { rating: 'hot' },
    });

    await dryRun(page, { budget: 5000 });
    const matched = page.locator('[data-rule="rule-1"][data-matched="true"]');
    await matched.waitFor();
    await expect(matched.locator('[data-passed="true"].stageflow-condition-result').textContent()).resolves.toContain('saw 5000');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'rules-editor-dry-run-passed');

    await dryRun(page, { budget: 10 });
    const failed = page.locator('[data-rule="rule-1"][data-matched="false"]');
    await failed.waitFor();
    await expect(failed.locator('[data-passed="false"].stageflow-condition-result').textContent()).resolves.toContain('saw 10');
    await page.getByText('No result (null)').waitFor();

    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('Valid: the engine would deploy it.').waitFor();
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText('Deployed as version 1 of lead-rating.').waitFor();
    await page.getByRole('heading', { name: 'Version 1 of lead-rating' }).waitFor();
    await screenshot(page, 'rules-editor-deployed');

    const listed = await suite.engine.as(analyst.token).get('/rule-sets?key=lead-rating');
    const version = await suite.engine.as(analyst.token).get(`/rule-sets/${listed.body.items[0].id}`);
    expect(version.body.content.rules[0].conditions).toEqual({ all: [{ fact: 'budget', operator: 'greaterThanInclusive', value: 1000 }] });
  });

  it('shows the engine refusing an invalid rule set by rule id and path, and the JSON view edits the builder', async () => {
    const page = await suite.newPage({ viewport: TABLET });
    await signIn(page, analyst, '/studio/rule-sets/new?key=broken&kind=classification');
    await page.getByRole('heading', { name: 'New rule set broken' }).waitFor();

    const draft = {
      key: 'broken',
      name: 'Broken',
      kind: 'classification',
      hitPolicy: 'first',
      facts: { stage: 'string' },
      rules: [
        {
          id: 'lost',
          conditions: {
            any: [
              { fact: 'stage', operator: 'equal', value: 'Lost' },
              { fact: 'revenue', operator: 'greaterThan', value: 1 },
            ],
          },
          result: { rating: 'cold' },
        },
      ],
    };
    await page.getByLabel('The rule set as JSON').fill(JSON.stringify(draft, null, 2));
    const rule = page.locator('article[data-rule="lost"]');
    await rule.locator('select[title="Fact"]').first().waitFor();
    await expect(rule.locator('select[title="All or any"]').first().inputValue()).resolves.toBe('or');

    await page.getByRole('button', { name: 'Validate' }).click();
    const problem = page.locator('[data-rule-id="lost"][data-path="rules[0].conditions.any[1].fact"]');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('"revenue" is not declared');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'rules-editor-problems-tablet');

    await page.getByLabel('The rule set as JSON').fill('{"key": ');
    await page
      .getByText(/Not valid JSON/)
      .first()
      .waitFor();
  });

  it('edits the results of a territory rule set as a form, the fallback too', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/rule-sets/new?key=areas&kind=territory');
    await page.getByRole('heading', { name: 'New rule set areas' }).waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();

    const rule = page.locator('article[data-rule="rule-1"]');
    await rule.getByRole('textbox', { name: 'Territory' }).fill('North');
    await rule.getByRole('textbox', { name: 'Team' }).fill('north-team');
    const fallback = page.getByRole('group', { name: /Fallback/ });
    await expect(fallback.getByRole('textbox', { name: 'Territory' }).inputValue()).resolves.toBe('Unsorted');

    const json = JSON.parse(await page.getByLabel('The rule set as JSON').inputValue());
    expect(json.rules[0].result).toEqual({ territory: 'North', team: 'north-team' });
    expect(json.fallback).toEqual({ territory: 'Unsorted' });
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'rules-editor-territory-results');
  });

  it('edits a package parameter in the form generated from its schema, checked as typed, saved with a reason, and shows the change in the history', async () => {
    const deployed = await suite.engine
      .http()
      .post('/api/v1/packages')
      .set('Authorization', `Bearer ${suite.admin().token}`)
      .set('Content-Type', 'application/zip')
      .send(Buffer.from(tenderPackage()));
    expect(deployed.status).toBe(201);
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/parameters');
    await page.getByRole('link', { name: 'tender' }).click();
    await page.getByRole('heading', { name: 'Parameters of tender' }).waitFor();
    await page.getByText('The values are valid.').waitFor();
    await expectNoSeriousAxeViolations(page);

    const sla = page.locator('#root_slaHours');
    await sla.fill('0');
    await page.getByText('must be >= 1').waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'parameters-refused-as-typed');

    await sla.fill('8');
    await page.getByText('The values are valid.').waitFor();
    await page.getByLabel('Reason for the change').fill('Faster reviews for the spring tenders');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as parameter version 2.').waitFor();
    const entry = page.locator('tr[data-version="2"]');
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('rules-analyst');
    expect(text).toContain('Faster reviews for the spring tenders');
    expect(text).toContain('"slaHours": 24');
    expect(text).toContain('"slaHours": 8');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'parameters-saved-history');

    const history = await suite.engine.as(analyst.token).get('/packages/tender/parameters/history');
    expect(history.body.items[0]).toEqual(
      expect.objectContaining({
        version: 2,
        changedBy: 'rules-analyst',
        comment: 'Faster reviews for the spring tenders',
        old: { slaHours: 24 },
        new: { slaHours: 8 },
      }),
    );
  });
});
