// The studio's instance screens in Chromium: an instance of the standard lead process found in the
// explorer and shown live (its waiting element marked on the diagram); an instance stuck on an
// incident mended by an admin (a variable edited, seen in the history) and retried; an instance
// cancelled; the waiting counts of a version as badges. Names from the diagram stay text. Axe and
// a screenshot on each screen.
import type { Page } from 'playwright-core';
import {
  bpmnEdge,
  bpmnShape,
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

/** start -> review (user task, a name holding markup) -> gw: approved -> done; not approved -> review again; else an incident at gw. */
function reviewLoopDiagram(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" name="Review loop" isExecutable="true">
    <bpmn:startEvent id="start" name="Asked" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review ${escapeXml(MARKUP)}" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" name="Approved?" />
    <bpmn:sequenceFlow id="fYes" sourceRef="gw" targetRef="done"><bpmn:conditionExpression>= approved = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fAgain" sourceRef="gw" targetRef="review"><bpmn:conditionExpression>= approved = false</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="done" name="Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="${key}">
    ${bpmnShape('start', 100, 120, 36, 36)}${bpmnShape('review', 190, 98, 120, 80)}${bpmnShape('gw', 370, 113, 50, 50)}${bpmnShape('done', 480, 120, 36, 36)}
    ${bpmnEdge('f1', [
      [136, 138],
      [190, 138],
    ])}${bpmnEdge('f2', [
      [310, 138],
      [370, 138],
    ])}${bpmnEdge('fYes', [
      [420, 138],
      [480, 138],
    ])}${bpmnEdge('fAgain', [
      [395, 163],
      [395, 230],
      [250, 230],
      [250, 178],
    ])}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

interface Instance {
  id: string;
  state: string;
}

/** A diagram element's drawing, by its BPMN id. */
function element(page: Page, elementId: string) {
  return page.locator(`g.djs-element[data-element-id="${elementId}"]`);
}

describeWithBrowser('the instance screens', () => {
  const suite = setupBrowserSuite({ standardPackages: true });
  let analyst: TestUser;
  const api = () => suite.engine.as(suite.engine.adminToken());

  async function start(key: string, businessKey: string): Promise<Instance> {
    const started = await api().post(`/process-definitions/key/${key}/start`, { businessKey });
    if (started.status !== 201) throw new Error(`start of ${key}: ${started.status} ${started.text}`);
    return started.body as Instance;
  }

  /** Completes the open review task of `instanceId` with `variables`. */
  async function review(instanceId: string, variables: Record<string, unknown>): Promise<void> {
    const tasks = await api().get(`/tasks?processInstanceId=${instanceId}&state=created`);
    const task = (tasks.body.items as { id: string }[])[0];
    if (!task) throw new Error(`no open task on ${instanceId}`);
    const completed = await api().post(`/tasks/${task.id}/complete`, { variables });
    if (completed.status !== 200) throw new Error(`complete: ${completed.status} ${completed.text}`);
  }

  beforeAll(async () => {
    analyst = await suite.createUser('ina', ['analyst']);
    await suite.engine.deploy([{ name: 'review-loop.bpmn', content: reviewLoopDiagram('review-loop') }]);
  });

  it('finds an instance of the standard lead process in the explorer and shows it live, its waiting element marked', async () => {
    const lead = await start('lead-generation', 'BROWSER-LEAD-1');
    await start('review-loop', 'OTHER-1');
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/instances');

    await page.getByRole('heading', { name: 'Instances', level: 1 }).waitFor();
    await page.getByLabel('Process').selectOption('lead-generation');
    await page.getByRole('link', { name: `Open the live view of instance ${lead.id}` }).waitFor();
    await page.getByRole('cell', { name: 'BROWSER-LEAD-1' }).waitFor();
    expect(await page.getByRole('cell', { name: 'OTHER-1' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'instances-explorer');

    await page.getByLabel('Business key').fill('NOBODY');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No instance matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('link', { name: `Open the live view of instance ${lead.id}` }).click();

    await page.waitForURL(`**/studio/instances/${lead.id}`);
    await page.getByRole('heading', { name: 'Instance of lead-generation', level: 1 }).waitFor();
    const waitingAt = (await api().get(`/process-instances/${lead.id}`)).body.activeElementIds as string[];
    expect(waitingAt.length).toBeGreaterThan(0);
    for (const elementId of waitingAt) await element(page, elementId).and(page.locator('.sf-active, .sf-incident')).waitFor();
    await element(page, 'requestArrived').and(page.locator('.sf-completed')).waitFor();
    await page.getByTestId('active-elements').getByText(`(${waitingAt[0]})`).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'instance-live-lead');
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: 'entered' }).first().waitFor();
    await screenshot(page, 'instance-live-lead-history');
  });

  it('lets an admin mend an instance stuck on an incident: the variable edited (seen in the history), the incident retried, the instance done', async () => {
    const instance = await start('review-loop', 'STUCK-1');
    await review(instance.id, { approved: false });
    await review(instance.id, { approved: 'unsure' });
    const page = await suite.newPage();
    await signIn(page, suite.admin(), `/studio/instances/${instance.id}`);

    await page.getByRole('heading', { name: 'Instance of review-loop', level: 1 }).waitFor();
    await element(page, 'gw').and(page.locator('.sf-incident')).waitFor();
    await element(page, 'fAgain').and(page.locator('.sf-taken')).waitFor();
    // Review and the gateway were entered twice: their badges say so, as text.
    for (const elementId of ['review', 'gw']) {
      const badge = page.locator(`.djs-overlays[data-container-id="${elementId}"] .sf-badge-count`);
      await badge.waitFor();
      expect(await badge.textContent()).toBe('2×');
    }
    // The name holding markup is text on the canvas and in the lists; nothing of it ran.
    expect(await scriptMark(page)).toBeUndefined();
    expect(await page.locator('.djs-container img').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'instance-live-incident');

    await page.getByRole('button', { name: 'Edit variable approved' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit variable approved' });
    await dialog.getByLabel('Value (JSON)').fill('yes please');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('This is not JSON').waitFor();
    await dialog.getByLabel('Value (JSON)').fill('true');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'instance-variable-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'true', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('admin set approved: "unsure" → true').waitFor();
    await screenshot(page, 'instance-history-edit');

    await page.getByRole('tab', { name: /Incidents/ }).click();
    await page.getByRole('button', { name: /^Retry incident at Approved\? \(gw\)/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Retry this incident?' });
    await expectNoSeriousAxeViolations(page);
    await confirm.getByRole('button', { name: 'Retry' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await element(page, 'done').and(page.locator('.sf-completed')).waitFor();
    expect((await api().get(`/process-instances/${instance.id}`)).body.state).toBe('completed');
    await screenshot(page, 'instance-live-completed');
  });

  it("keeps an analyst's view live as the instance moves, lets them cancel it after a confirmation, but not edit its variables", async () => {
    const instance = await start('review-loop', 'CANCEL-1');
    const page = await suite.newPage();
    await signIn(page, analyst, `/studio/instances/${instance.id}`);

    await page.getByRole('heading', { name: 'Instance of review-loop', level: 1 }).waitFor();
    await element(page, 'review').and(page.locator('.sf-active')).waitFor();
    // The view stays live: the review sent back through the API shows up without a reload.
    await review(instance.id, { approved: false });
    await page.locator('.djs-overlays[data-container-id="review"] .sf-badge-count').getByText('2×').waitFor();
    await element(page, 'fAgain').and(page.locator('.sf-taken')).waitFor();
    await page.getByText('Only an admin can change variables.').waitFor();
    expect(await page.getByRole('button', { name: 'Add variable' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel instance' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this instance?' });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await api().get(`/process-instances/${instance.id}`)).body.state).toBe('active');

    await page.getByRole('button', { name: 'Cancel instance' }).click();
    await confirm.getByRole('button', { name: 'Cancel instance' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('Terminated', { exact: true }).first().waitFor();
    expect((await api().get(`/process-instances/${instance.id}`)).body.state).toBe('terminated');
    await screenshot(page, 'instance-live-cancelled');
  });

  it('shows on a version how many instances wait at each element, as badges on its diagram', async () => {
    await suite.engine.deploy([{ name: 'waiting-loop.bpmn', content: reviewLoopDiagram('waiting-loop') }]);
    for (const key of ['W-1', 'W-2', 'W-3']) await start('waiting-loop', key);
    const stuck = await start('waiting-loop', 'W-4');
    await review(stuck.id, {});
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/processes/waiting-loop/versions/1/live');

    await page.getByRole('heading', { name: 'Review loop version 1: live', level: 1 }).waitFor();
    await element(page, 'review').and(page.locator('.sf-waiting')).waitFor();
    expect(await page.locator('.sf-badge-waiting').textContent()).toBe('3');
    expect(await page.locator('.sf-badge-incident').textContent()).toBe('1');
    await page.getByText('4 instances waiting', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'version-live-waiting');

    await page.getByRole('link', { name: 'Show these instances' }).click();
    await page.waitForURL('**/studio/instances?definitionKey=waiting-loop&version=1');
    await page.getByText('4 instances shown').waitFor();
    const tablet = await suite.newPage({ viewport: TABLET });
    await signIn(tablet, analyst, '/studio/instances?definitionKey=waiting-loop&version=1');
    await tablet.getByText('4 instances shown').waitFor();
    await expectNoSeriousAxeViolations(tablet);
    await screenshot(tablet, 'instances-explorer-tablet');
  });
});
