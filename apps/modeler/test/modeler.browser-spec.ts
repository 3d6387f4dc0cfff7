// The modeler in a real Chromium on the built engine and web app (issue 13, "The modeler" and
// "Check before deploy"): open the standard lead process, change its SLA timer through the
// properties panel, undo and redo it, deploy a new version and then an unchanged one; a deploy the
// engine refuses marks the element it names and lists it, and the list selects it; a diagram whose
// names hold markup and script deploys and shows them as text, with nothing run.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import {
  describeWithBrowser,
  escapeXml,
  expectNoSeriousAxeViolations,
  MARKUP,
  screenshot,
  scriptMark,
  setupBrowserSuite,
  signIn,
  TABLET,
  type TestUser,
} from './support/index.js';

const LEAD = 'lead-generation';
const SLA_TIMER = 'firstContactLate';
const CONVERT_FLOW = 'f15';
const ORIGINAL_SLA = '= duration("PT" + string(params.firstContactSlaHours) + "H")';
const SCRIPT_NAME = '<script>window.__xss=2</script>';

/** Waits until an input shows `value` (the panel re-renders after each command). */
async function waitForValue(input: Locator, value: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await input.inputValue()) === value) return;
    await input.page().waitForTimeout(100);
  }
  expect(await input.inputValue()).toBe(value);
}

async function waitForEnabled(button: Locator): Promise<void> {
  for (let attempt = 0; attempt < 100 && (await button.isDisabled()); attempt += 1) await button.page().waitForTimeout(100);
  expect(await button.isDisabled()).toBe(false);
}

describeWithBrowser('the modeler', () => {
  const suite = setupBrowserSuite({ standardPackages: true });
  let analyst: TestUser;

  beforeAll(async () => {
    analyst = await suite.createUser('ana', ['analyst']);
  });

  /** Signs the analyst in on `path` and waits for the diagram and its properties panel. */
  async function openModeler(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; pageErrors: string[] }> {
    const page = await suite.newPage(viewport ? { viewport } : {});
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, analyst, path);
    await page.locator('.djs-container').waitFor();
    await page.locator('.bio-properties-panel').waitFor();
    return { page, pageErrors };
  }

  /** Clicks an element of the diagram, as the analyst does. */
  async function selectOnCanvas(page: Page, elementId: string): Promise<void> {
    // The middle of its hit area: a straight flow's is a line with no height, which no locator click takes.
    const box = await page.locator(`.djs-element[data-element-id="${elementId}"] .djs-hit`).first().boundingBox();
    if (!box) throw new Error(`${elementId} is not on the canvas`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator(`.djs-element.selected[data-element-id="${elementId}"]`).waitFor({ state: 'attached' });
  }

  /** Opens a properties-panel group by its header text when it is closed. */
  async function openGroup(page: Page, name: string): Promise<void> {
    const header = page.locator('.bio-properties-panel-group-header', { hasText: name }).first();
    if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
  }

  async function deploy(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Deploy' }).click();
  }

  async function latestVersion(key: string): Promise<{ id: string; version: number }> {
    const listed = await suite.engine.as(analyst.token).get(`/process-definitions?key=${key}&latest=true`);
    return listed.body.items[0];
  }

  it('given the standard lead process, when its SLA timer is changed, undone and redone and a condition changed with the builder, and deployed, then a new version is made and an unchanged diagram says so', async () => {
    const { page, pageErrors } = await openModeler(`/studio/modeler/${LEAD}`);
    await page.getByRole('heading', { name: 'Modeler — Lead generation', level: 1 }).waitFor();
    await screenshot(page, 'modeler-lead');
    await expectNoSeriousAxeViolations(page);

    await selectOnCanvas(page, SLA_TIMER);
    await openGroup(page, 'Timer');
    const value = page.locator('#bio-properties-panel-timerEventDefinitionValue');
    expect(await value.inputValue()).toBe(ORIGINAL_SLA);
    await value.fill('PT4H');
    const undo = page.getByRole('button', { name: 'Undo' });
    await waitForEnabled(undo);
    await screenshot(page, 'modeler-sla-changed');

    await undo.click();
    await waitForValue(value, ORIGINAL_SLA);
    await page.getByRole('button', { name: 'Redo' }).click();
    await waitForValue(value, 'PT4H');

    // The condition of the flow to conversion, changed with the builder: its row's value.
    await selectOnCanvas(page, CONVERT_FLOW);
    const builder = page.getByRole('region', { name: `Condition of convert (${CONVERT_FLOW})` });
    expect(await builder.getByLabel('Field of row 1').inputValue()).toBe('outcome');
    await builder.getByLabel('Value of row 1').fill('won');
    await openGroup(page, 'Condition');
    await waitForValue(page.locator('#bio-properties-panel-stageflow-condition-expression'), '= outcome = "won"');
    await screenshot(page, 'modeler-condition-builder');
    await expectNoSeriousAxeViolations(page);

    await deploy(page);
    const result = page.getByTestId('modeler-deploy-result');
    await result.getByText(`Deployed: ${LEAD} version 2.`).waitFor();
    const deployed = await latestVersion(LEAD);
    expect(deployed.version).toBe(2);
    const xml = (await suite.engine.as(analyst.token).get(`/process-definitions/${deployed.id}/xml`)).text;
    expect(xml).toContain('>PT4H</bpmn:timeDuration>');
    expect(xml).toMatch(/>= outcome = (&quot;|")won(&quot;|")<\/bpmn:conditionExpression>/);
    // The page now shows the version it deployed, with the edit history kept.
    await waitForValue(page.getByRole('combobox', { name: 'Version' }), 'Version 2 (latest)');
    expect(await undo.isDisabled()).toBe(false);
    await screenshot(page, 'modeler-deployed');

    await deploy(page);
    await result.getByText(`Nothing changed: ${LEAD} version 2 stays as deployed.`).waitFor();
    expect((await latestVersion(LEAD)).version).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('given a change the engine refuses, when deployed, then the element it names is marked and listed, and the list selects it', async () => {
    const { page } = await openModeler(`/studio/modeler/${LEAD}`);
    const before = await latestVersion(LEAD);
    await selectOnCanvas(page, SLA_TIMER);
    await openGroup(page, 'Timer');
    await page.locator('#bio-properties-panel-timerEventDefinitionValue').fill('PT-nonsense');
    await waitForEnabled(page.getByRole('button', { name: 'Undo' }));

    await deploy(page);
    await page.getByRole('alert').filter({ hasText: 'The engine refused the deployment' }).waitFor();
    const marked = page.locator(`.djs-element.stageflow-deploy-error[data-element-id="${SLA_TIMER}"]`);
    await marked.waitFor();
    const overlay = page.locator('.stageflow-deploy-error-overlay');
    expect(await overlay.textContent()).toContain("'PT-nonsense' is not an ISO 8601 duration");
    const row = page.getByTestId('modeler-problems').locator('tr', { hasText: 'engine (deploy refused)' });
    expect(await row.textContent()).toContain('SLA passed (firstContactLate)');
    await screenshot(page, 'modeler-deploy-refused');
    await expectNoSeriousAxeViolations(page);

    // Select another element, then let the problem select the refused one again.
    await selectOnCanvas(page, 'firstContact');
    await row.getByRole('button', { name: 'Select SLA passed (firstContactLate)' }).click();
    await page.locator(`.djs-element.selected[data-element-id="${SLA_TIMER}"]`).waitFor();
    expect(await latestVersion(LEAD)).toEqual(before);
  });

  it('given a .bpmn file whose names hold markup and script, when opened, downloaded and deployed, then they show as text and nothing runs', async () => {
    const { page, pageErrors } = await openModeler('/studio/modeler');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="markup-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="markup-names" name="${escapeXml(SCRIPT_NAME)}" isExecutable="true">
    <bpmn:startEvent id="start" name="${escapeXml(MARKUP)}" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:userTask id="task" name="${escapeXml(SCRIPT_NAME)}" stageflow:candidateGroups="sales" xmlns:stageflow="https://stageflow.dev/schema/bpmn" />
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
    <bpmn:endEvent id="end" name="${escapeXml(MARKUP)}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="markup-names">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="task_di" bpmnElement="task"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
    await page.locator('input[type=file]').setInputFiles({ name: 'markup names.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.locator('.djs-element[data-element-id="task"]').waitFor();
    expect(await page.locator('.djs-element[data-element-id="task"] text').textContent()).toBe(SCRIPT_NAME);

    await selectOnCanvas(page, 'task');
    await openGroup(page, 'General');
    expect(await page.locator('#bio-properties-panel-name').inputValue()).toBe(SCRIPT_NAME);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .bpmn' }).click()]);
    expect(download.suggestedFilename()).toBe('markup-names.bpmn');
    const saved = readFileSync((await download.path())!, 'utf8');
    // The names are in the file as escaped attribute text: no element of markup anywhere.
    expect(saved).not.toMatch(/<(script|img)\b/);
    const names = [...saved.matchAll(/ name="([^"]*)"/g)].map((match) => unescapeXml(match[1]!));
    expect(names).toEqual(expect.arrayContaining([SCRIPT_NAME, MARKUP]));

    await deploy(page);
    await page.getByTestId('modeler-deploy-result').getByText('Deployed: markup-names version 1.').waitFor();
    expect(await page.locator('.bio-properties-panel-header-label').textContent()).toBe(SCRIPT_NAME);
    await screenshot(page, 'modeler-markup-names');
    await expectNoSeriousAxeViolations(page);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await scriptMark(page)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    const deployed = await latestVersion('markup-names');
    expect(deployed.version).toBe(1);
  });

  it('given tablet width, when the lead process is open, then the properties stack under the diagram and a selection still edits', async () => {
    const { page, pageErrors } = await openModeler(`/studio/modeler/${LEAD}`, TABLET);
    const canvas = await page.locator('.stageflow-modeler-canvas').boundingBox();
    const panel = await page.locator('.stageflow-modeler-panel').boundingBox();
    expect(panel!.y).toBeGreaterThanOrEqual(canvas!.y + canvas!.height);
    expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(TABLET.width);
    await selectOnCanvas(page, 'firstContact');
    await openGroup(page, 'Assignment');
    expect(await page.locator('#bio-properties-panel-stageflow-candidate-groups').isVisible()).toBe(true);
    await screenshot(page, 'modeler-tablet');
    await expectNoSeriousAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
