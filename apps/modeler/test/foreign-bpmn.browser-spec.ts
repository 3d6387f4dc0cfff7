// A diagram drawn in another tool, made executable in the studio (issue 13, "diagrams from other
// tools"; docs/bpmn-import.md): an analyst opens a diagram in Camunda Modeler's export shape from disk
// (fixtures/foreign-bpmn, what it holds in its README), reads what the lint says — in the
// modeler's i18n texts — sets the executable parts through the properties panel (a performer with
// the user and team pickers, an action template, a FEEL condition, a default flow), deploys, sees
// the warnings the engine deploys past, and finds the new process in the process list running the
// instance started on it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import modelerTexts from '../src/studio/modeler/locales/en.json' with { type: 'json' };
import {
  describeWithBrowser,
  expectNoSeriousAxeViolations,
  MARKUP,
  screenshot,
  scriptMark,
  setupBrowserSuite,
  signIn,
  type TestUser,
} from './support/index.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/foreign-bpmn/partner-deal-registration.bpmn');
const KEY = 'partner-deal-registration';
const TEAM = 'partner-desk';
const YES_FLOW = 'Flow_0e5ujv3';
const NO_FLOW = 'Flow_1z9kq2b';
const lint = modelerTexts.lint;

/** The English text of a lint message as the modeler's i18n file writes it, with its values. */
function lintText(template: string, values: Record<string, string> = {}): string {
  return template.replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? '');
}

describeWithBrowser('a diagram from another tool', () => {
  const suite = setupBrowserSuite({ standardPackages: true });
  let analyst: TestUser;
  let deskSeller: TestUser;

  beforeAll(async () => {
    analyst = await suite.createUser('ana', ['analyst']);
    deskSeller = await suite.createUser('pia', ['seller'], [TEAM]);
  });

  async function openModeler(): Promise<{ page: Page; pageErrors: string[] }> {
    const page = await suite.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, analyst, '/studio/modeler');
    await page.locator('.djs-container').waitFor();
    await page.locator('.bio-properties-panel').waitFor();
    return { page, pageErrors };
  }

  /**
   * Selects an element through its problem in the list, as an analyst goes from problem to element:
   * the list selects it and scrolls the canvas to it (this diagram is wide, and some of it lies under
   * the palette at first).
   */
  async function selectFromProblems(page: Page, elementLabel: string, elementId: string): Promise<void> {
    await page
      .getByTestId('modeler-problems')
      .getByRole('button', { name: `Select ${elementLabel}` })
      .first()
      .click();
    await page.locator(`.djs-element.selected[data-element-id="${elementId}"]`).waitFor({ state: 'attached' });
  }

  async function openGroup(page: Page, name: string): Promise<void> {
    const header = page.locator('.bio-properties-panel-group-header', { hasText: name }).first();
    if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
  }

  /** Waits until the panel's input shows `value` (the panel re-renders after each command). */
  async function waitForInput(page: Page, selector: string, value: string): Promise<void> {
    const input = page.locator(selector);
    for (let attempt = 0; attempt < 100 && (await input.inputValue()) !== value; attempt += 1) await page.waitForTimeout(100);
    expect(await input.inputValue()).toBe(value);
  }

  /** The problems list's row about an element with the message, found by both. */
  function problemRow(page: Page, elementLabel: string, message: string): Locator {
    return page.getByTestId('modeler-problems').locator('tr', { hasText: elementLabel }).filter({ hasText: message });
  }

  it('given a file that is no BPMN, when opened, then the modeler says it cannot be opened', async () => {
    const { page, pageErrors } = await openModeler();
    await page.locator('input[type=file]').setInputFiles({ name: 'notes.bpmn', mimeType: 'text/plain', buffer: Buffer.from('meeting notes, not a diagram') });
    await page.getByRole('alert').filter({ hasText: modelerTexts.importFailed }).waitFor();
    expect(await page.getByRole('button', { name: modelerTexts.deploy }).isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('given a Camunda Modeler export, when its executable parts are set in the properties panel and it is deployed, then it deploys with warnings and starts', async () => {
    const { page, pageErrors } = await openModeler();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'partner-deal-registration.bpmn', mimeType: 'application/xml', buffer: readFileSync(FIXTURE) });
    await page.locator('.djs-element[data-element-id="approve"]').waitFor();
    // bpmn-js names the shape whose element is gone among the import's warnings.
    await page.getByText(/The diagram opened with \d+ warnings?/).waitFor();

    // What the lint says, in the modeler's texts with the elements' names: nobody does the tasks,
    // the gateway has no default, the conditions are not FEEL, the service task runs nothing.
    const nobodyReviews = lintText(lint['stageflow/user-task-performer'].nobody, { task: 'Approve the registration' });
    await problemRow(page, 'Approve the registration (approve)', nobodyReviews).waitFor();
    await problemRow(
      page,
      'Check the registration (capture)',
      lintText(lint['stageflow/user-task-performer'].nobody, { task: 'Check the registration' }),
    ).waitFor();
    await problemRow(page, 'Approved? (Gateway_1k2m9xq)', lintText(lint['stageflow/gateway-default'].noDefault, { gateway: 'Approved?' })).waitFor();
    await problemRow(page, `yes (${YES_FLOW})`, "Invalid FEEL condition '${approved}'").waitFor();
    await problemRow(page, 'Send the confirmation (confirm)', 'stageflow:action').waitFor();
    // bpmn-js-bpmnlint's overlay on the element holds the same text.
    expect(await page.locator('.djs-overlays[data-container-id="approve"] .bjsl-overlay').textContent()).toContain(nobodyReviews);
    await screenshot(page, 'foreign-bpmn-opened');
    await expectNoSeriousAxeViolations(page);

    // Who does the tasks: a user for the approval, a team for the check.
    await selectFromProblems(page, 'Approve the registration (approve)', 'approve');
    await openGroup(page, modelerTexts.properties.groups.userTask);
    await page.locator('select#bio-properties-panel-stageflow-assignee-user').selectOption(analyst.username);
    await waitForInput(page, '#bio-properties-panel-stageflow-assignee', analyst.username);
    await selectFromProblems(page, 'Check the registration (capture)', 'capture');
    await page.locator('select#bio-properties-panel-stageflow-candidate-groups-team').selectOption(TEAM);
    await waitForInput(page, '#bio-properties-panel-stageflow-candidate-groups', TEAM);
    // The other tool's documentation, markup and all, is text in the panel.
    await openGroup(page, 'Documentation');
    expect(await page.locator('#bio-properties-panel-documentation').inputValue()).toContain(MARKUP);
    await problemRow(page, 'Check the registration (capture)', 'Nobody is named').waitFor({ state: 'detached' });

    // What the service task runs: an action template the engine knows.
    await selectFromProblems(page, 'Send the confirmation (confirm)', 'confirm');
    await openGroup(page, modelerTexts.properties.groups.implementation);
    await page.locator('select#bio-properties-panel-stageflow-action').selectOption('lead-notify-user');
    await problemRow(page, 'Send the confirmation (confirm)', 'stageflow:action').waitFor({ state: 'detached' });

    // The gateway: "yes" gets a FEEL condition; "no" becomes its default flow (the replace menu, as
    // in bpmn-js), which drops the flow's condition.
    await selectFromProblems(page, `yes (${YES_FLOW})`, YES_FLOW);
    await openGroup(page, modelerTexts.properties.groups.condition);
    await page.locator('#bio-properties-panel-stageflow-condition-expression').fill('= approved');
    await problemRow(page, `yes (${YES_FLOW})`, 'Invalid FEEL').waitFor({ state: 'detached' });
    await selectFromProblems(page, `no (${NO_FLOW})`, NO_FLOW);
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-default-flow"]').click();
    await problemRow(page, 'Approved? (Gateway_1k2m9xq)', 'no default flow').waitFor({ state: 'detached' });
    await problemRow(page, `no (${NO_FLOW})`, 'Invalid FEEL').waitFor({ state: 'detached' });
    await waitForInput(page, '#bio-properties-panel-stageflow-condition-expression', '');
    expect(await page.getByTestId('modeler-problems').locator('tr', { hasText: modelerTexts.problems.severities.error }).count()).toBe(0);
    await screenshot(page, 'foreign-bpmn-fixed');

    // Deployed: the engine's warnings about what it does not read are listed with the 201.
    await page.getByRole('button', { name: modelerTexts.deploy }).click();
    await page.getByTestId('modeler-deploy-result').getByText(`Deployed: ${KEY} version 1.`).waitFor();
    const warnings = page.getByTestId('modeler-problems').locator('tr', { hasText: modelerTexts.problems.sources.warning });
    await warnings.first().waitFor();
    expect(await warnings.filter({ hasText: '<camunda:assignee>' }).count()).toBeGreaterThan(0);
    expect(await warnings.filter({ hasText: '<camunda:in>' }).count()).toBe(1);
    await screenshot(page, 'foreign-bpmn-deployed');
    await expectNoSeriousAxeViolations(page);
    expect(await scriptMark(page)).toBeUndefined();
    expect(pageErrors).toEqual([]);

    const listed = await suite.engine.as(analyst.token).get(`/process-definitions?key=${KEY}&latest=true`);
    const xml = (await suite.engine.as(analyst.token).get(`/process-definitions/${listed.body.items[0].id}/xml`)).text;
    expect(xml).toContain(`stageflow:candidateGroups="${TEAM}"`);
    expect(xml).toContain('stageflow:action="lead-notify-user"');

    // An instance starts on it, and the process list shows the process running it.
    const started = await suite.engine.as(analyst.token).post(`/process-definitions/key/${KEY}/start`, { variables: {} });
    expect(started.status).toBe(201);
    const tasks = await suite.engine.as(deskSeller.token).get(`/tasks?processInstanceId=${started.body.id}`);
    expect(tasks.body.items).toEqual([expect.objectContaining({ elementId: 'capture', name: 'Check the registration' })]);
    await page.goto('/studio/processes');
    // Process (name and key), latest version, running instances, ...
    const row = page.locator('tr', { hasText: KEY }).first();
    expect(await row.locator('td').nth(1).textContent()).toBe('v1');
    expect(await row.locator('td').nth(2).textContent()).toBe('1');
    await screenshot(page, 'foreign-bpmn-process-list');
  });
});
