// Rule sets and a diagram for assignment API tests: a lead's territory is decided by a territory
// rule set (written to `territory`), then the "Call the lead" task is assigned by an assignment
// rule set that picks the strategy from the `route` variable.

/** Territory by country: DACH for DE/AT/CH (CH with `swissOwner` as the result's owner), else the fallback "Rest of world". */
export function territoryRuleSet(key: string, swissOwner: string): string {
  return JSON.stringify({
    key,
    name: 'Lead territories',
    kind: 'territory',
    hitPolicy: 'first',
    facts: { country: 'string' },
    rules: [
      {
        id: 'swiss',
        priority: 10,
        conditions: { all: [{ fact: 'country', operator: 'equal', value: 'CH' }] },
        result: { territory: 'DACH', owner: swissOwner },
      },
      { id: 'dach', conditions: { all: [{ fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] }] }, result: { territory: 'DACH' } },
    ],
    fallback: { territory: 'Rest of world' },
  });
}

/** One rule per `route` value, each naming a strategy (and team/skills); nothing matching: unsorted. */
export function assignmentRuleSet(key: string, routes: Record<string, Record<string, unknown>>, options: { fallback?: boolean } = {}): string {
  return JSON.stringify({
    key,
    name: 'Lead assignment',
    kind: 'assignment',
    hitPolicy: 'first',
    facts: { route: 'string' },
    rules: Object.entries(routes).map(([route, result]) => ({ id: route, conditions: { all: [{ fact: 'route', operator: 'equal', value: route }] }, result })),
    ...(options.fallback === false ? {} : { fallback: { strategy: 'unsorted' } }),
  });
}

/** start -> business-rule task (territory rules -> `territory`) -> user task "Call the lead" (stageflow:assignment) -> end. */
export function assignedLeadDiagram(key: string, territoryKey: string, assignmentKey: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" name="Assigned lead" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="territoryOf" />
    <bpmn:businessRuleTask id="territoryOf" stageflow:ruleSet="${territoryKey}" stageflow:resultVariable="territory" />
    <bpmn:sequenceFlow id="f2" sourceRef="territoryOf" targetRef="call" />
    <bpmn:userTask id="call" name="Call the lead" stageflow:assignment="${assignmentKey}" />
    <bpmn:sequenceFlow id="f3" sourceRef="call" targetRef="followUp" />
    <bpmn:userTask id="followUp" name="Follow up" stageflow:assignment="${assignmentKey}" />
    <bpmn:sequenceFlow id="f4" sourceRef="followUp" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;
}
