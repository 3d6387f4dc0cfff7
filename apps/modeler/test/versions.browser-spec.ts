// Versions side by side in Chromium: two versions of a process deployed through the API, one opened
// read-only from the navigation, then the two compared — the differences listed in words and marked
// on both diagrams (canvas markers), an entry outlining its element; names from the diagram (one
// holds markup) stay text. Axe and a screenshot on each screen, at 1280 px and at tablet width.
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

interface VersionShape {
  callName: string;
  callGroups: string;
  /** The task after the call: its id and name (v1 'old', v2 'new'). */
  step: { id: string; name: string };
  condition: string;
}

/** start -> call -> gw: big deals -> step -> end; else -> end. Drawn left to right. */
function diagram(key: string, version: VersionShape): string {
  const { step } = version;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" name="Deal review" isExecutable="true">
    <bpmn:startEvent id="start" name="Deal in" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="${escapeXml(version.callName)}" stageflow:candidateGroups="${version.callGroups}" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" name="Big deal?" default="small" />
    <bpmn:sequenceFlow id="big" name="big" sourceRef="gw" targetRef="${step.id}"><bpmn:conditionExpression>${escapeXml(version.condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="small" sourceRef="gw" targetRef="end" />
    <bpmn:userTask id="${step.id}" name="${escapeXml(step.name)}" stageflow:candidateGroups="managers" />
    <bpmn:sequenceFlow id="f5" sourceRef="${step.id}" targetRef="end" />
    <bpmn:endEvent id="end" name="Reviewed" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="${key}">
    ${bpmnShape('start', 100, 140, 36, 36)}${bpmnShape('call', 190, 118, 120, 80)}${bpmnShape('gw', 370, 133, 50, 50)}
    ${bpmnShape(step.id, 480, 20, 120, 80)}${bpmnShape('end', 672, 140, 36, 36)}
    ${bpmnEdge('f1', [
      [136, 158],
      [190, 158],
    ])}${bpmnEdge('f2', [
      [310, 158],
      [370, 158],
    ])}${bpmnEdge('big', [
      [395, 133],
      [395, 60],
      [480, 60],
    ])}${bpmnEdge('small', [
      [420, 158],
      [672, 158],
    ])}${bpmnEdge('f5', [
      [600, 60],
      [690, 60],
      [690, 140],
    ])}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

const VERSION_1: VersionShape = {
  callName: 'Call the buyer',
  callGroups: 'sales',
  step: { id: 'manager', name: 'Manager review' },
  condition: '= deal.value > 10000',
};
const VERSION_2: VersionShape = {
  callName: `Call the buyer ${MARKUP}`,
  callGroups: 'inside-sales',
  step: { id: 'board', name: 'Board review' },
  condition: '= deal.value > 50000',
};

/** A diagram element's drawing on the canvas of `version`, by its BPMN id. */
function element(page: Page, version: number, elementId: string) {
  return page.getByRole('figure', { name: new RegExp(`version ${version} \\(read-only\\)`) }).locator(`g.djs-element[data-element-id="${elementId}"]`);
}

/** The list's entry for an element. */
function entry(page: Page, elementId: string) {
  return page.getByTestId('version-changes').locator(`li[data-element-id="${elementId}"]`);
}

describeWithBrowser('versions side by side', () => {
  const suite = setupBrowserSuite();
  let analyst: TestUser;

  beforeAll(async () => {
    analyst = await suite.createUser('vera', ['analyst']);
    await suite.engine.deploy([{ name: 'deal-review.bpmn', content: diagram('deal-review', VERSION_1) }], analyst.token);
    await suite.engine.deploy([{ name: 'deal-review.bpmn', content: diagram('deal-review', VERSION_2) }], analyst.token);
  });

  it('given two deployed versions, when an analyst opens one from the navigation, then it is drawn read-only', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/processes');

    await page.getByRole('link', { name: 'Versions' }).click();
    await page.getByRole('combobox', { name: 'Process' }).click();
    await page.getByRole('option', { name: 'Deal review' }).click();

    await page.waitForURL('**/studio/versions/deal-review');
    await page.getByRole('heading', { level: 1, name: 'Versions of Deal review' }).waitFor();
    await element(page, 2, 'board').waitFor();
    // Read-only: the viewer draws, it offers no palette and no context pad to change the diagram.
    expect(await page.locator('.djs-palette, .djs-context-pad').count()).toBe(0);
    expect(await scriptMark(page)).toBeUndefined();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'versions-view');
  });

  it('given two deployed versions, when compared, then the changes are listed and marked on both diagrams, and an entry outlines its element', async () => {
    const page = await suite.newPage();
    await signIn(page, analyst, '/studio/versions/deal-review?version=2&compare=1');

    const list = page.getByTestId('version-changes');
    await list.waitFor();
    await page.getByRole('heading', { name: '5 changes' }).waitFor();
    expect(
      await list.locator('li').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-kind')} ${item.getAttribute('data-element-id')}`)),
    ).toEqual(['removed manager', 'added board', 'changed big', 'changed call', 'changed f5']);
    const call = await entry(page, 'call').innerText();
    expect(call).toContain('candidateGroups: sales → inside-sales');
    expect(call).toContain(`name: Call the buyer → Call the buyer ${MARKUP}`);
    expect(await entry(page, 'big').innerText()).toContain('conditionExpression.body: = deal.value > 10000 → = deal.value > 50000');

    // Markers: the older diagram shows what was removed and changed, the newer what was added and changed.
    expect(await element(page, 1, 'manager').getAttribute('class')).toContain('sf-diff-removed');
    expect(await element(page, 1, 'call').getAttribute('class')).toContain('sf-diff-changed');
    expect(await element(page, 2, 'board').getAttribute('class')).toContain('sf-diff-added');
    expect(await element(page, 2, 'call').getAttribute('class')).toContain('sf-diff-changed');
    expect(await element(page, 2, 'big').getAttribute('class')).toContain('sf-diff-changed');
    expect(await element(page, 2, 'start').getAttribute('class')).not.toContain('sf-diff-');

    await entry(page, 'call').getByRole('button').click();
    expect(await entry(page, 'call').getByRole('button').getAttribute('aria-pressed')).toBe('true');
    expect(await element(page, 1, 'call').getAttribute('class')).toContain('sf-diff-focus');
    expect(await element(page, 2, 'call').getAttribute('class')).toContain('sf-diff-focus');

    // The name with markup is drawn and listed as text: nothing ran.
    expect(await scriptMark(page)).toBeUndefined();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'versions-diff');
  });

  it('given the comparison at tablet width, when shown, then the list follows the diagrams and passes axe', async () => {
    const page = await suite.newPage({ viewport: TABLET });
    await signIn(page, analyst, '/studio/versions/deal-review?version=2&compare=1');

    await page.getByTestId('version-changes').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'versions-diff-tablet');
  });
});
