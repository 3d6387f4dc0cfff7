// Rule sets for API tests: a BANT lead classification (budget, authority, need, timeline).

/** A classification rule set: hot when all four BANT criteria hold, warm with budget and need, else cold. */
export function bantRuleSet(key: string, options: { hotBudget?: number } = {}): string {
  return JSON.stringify({
    key,
    name: 'BANT lead classification',
    kind: 'classification',
    hitPolicy: 'first',
    facts: { budget: 'number', authority: 'boolean', need: 'string', timelineDays: 'number' },
    rules: [
      {
        id: 'hot',
        priority: 10,
        conditions: {
          all: [
            { fact: 'budget', operator: 'greaterThanInclusive', value: options.hotBudget ?? 50000 },
            { fact: 'authority', operator: 'equal', value: true },
            { fact: 'need', operator: 'in', value: ['high', 'critical'] },
            { fact: 'timelineDays', operator: 'lessThanInclusive', value: 90 },
          ],
        },
        result: { rating: 'hot', score: 100 },
      },
      {
        id: 'warm',
        priority: 5,
        conditions: {
          all: [
            { fact: 'budget', operator: 'greaterThanInclusive', value: 10000 },
            { fact: 'need', operator: 'notIn', value: ['none'] },
          ],
        },
        result: { rating: 'warm', score: 50 },
      },
    ],
    fallback: { rating: 'cold', score: 0 },
  });
}

/**
 * start -> business-rule task (rule set `ruleSetKey`, result in `lead`) -> exclusive gateway on
 * `lead.rating`: hot -> user task "Call now", warm -> "Nurture", else end "disqualified".
 * `collectFirst`: a user task "collect" before the business-rule task, so that the rule set
 * decides in a later command than the start.
 */
export function bantLeadDiagram(key: string, ruleSetKey: string, options: { collectFirst?: boolean } = {}): string {
  const first = options.collectFirst
    ? `<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="collect" />
    <bpmn:userTask id="collect" name="Collect BANT" />
    <bpmn:sequenceFlow id="f1" sourceRef="collect" targetRef="classify" />`
    : '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="classify" />';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" name="BANT lead" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${first}
    <bpmn:businessRuleTask id="classify" name="Classify (BANT)" stageflow:ruleSet="${ruleSetKey}" stageflow:resultVariable="lead" />
    <bpmn:sequenceFlow id="f2" sourceRef="classify" targetRef="rating" />
    <bpmn:exclusiveGateway id="rating" default="fCold" />
    <bpmn:sequenceFlow id="fHot" sourceRef="rating" targetRef="callNow">
      <bpmn:conditionExpression>= lead.rating = "hot"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fWarm" sourceRef="rating" targetRef="nurture">
      <bpmn:conditionExpression>= lead.rating = "warm"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fCold" sourceRef="rating" targetRef="disqualified" />
    <bpmn:userTask id="callNow" name="Call now" />
    <bpmn:sequenceFlow id="f3" sourceRef="callNow" targetRef="done" />
    <bpmn:userTask id="nurture" name="Nurture" />
    <bpmn:sequenceFlow id="f4" sourceRef="nurture" targetRef="done" />
    <bpmn:endEvent id="done" />
    <bpmn:endEvent id="disqualified" />
  </bpmn:process>
</bpmn:definitions>`;
}
