import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

// start -> business-rule task "classify" -> gateway (params.limit < amount -> "review", else "end")
const classified = bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:businessRuleTask id="classify" stageflow:ruleSet="bant" stageflow:resultVariable="classification"/>
    <bpmn:exclusiveGateway id="size" default="toEnd"/>
    <bpmn:userTask id="review"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'classify')}
    ${flow('f2', 'classify', 'size')}
    ${flow('toReview', 'size', 'review', '= amount > params.limit')}
    ${flow('toEnd', 'size', 'end')}
    ${flow('f3', 'review', 'end')}`);

describe('package parameters', () => {
  it('are the fact `params` of a business-rule task, beside the variables and the record', async () => {
    const seen: unknown[] = [];
    const scenario = await Scenario.deploy(classified, {
      params: { limit: 100, tier: 'gold' },
      record: () => ({ budget: 1 }),
      decide: (_key, facts) => {
        seen.push({ params: facts.params, record: facts.record, amount: facts.amount });
        return { ok: true, value: 'ok' };
      },
    });

    scenario.start({ variables: { amount: 50 } });

    expect(seen).toEqual([{ params: { limit: 100, tier: 'gold' }, record: { budget: 1 }, amount: 50 }]);
  });

  it('are visible to FEEL as `params`, shadowing a variable of that name', async () => {
    const scenario = await Scenario.deploy(classified, { params: { limit: 100 }, decide: () => ({ ok: true, value: 'ok' }) });

    const over = scenario.start({ variables: { amount: 150, params: { limit: 1000 } } });
    const under = scenario.start({ variables: { amount: 50 } });

    expect(over.openTasks().map((task) => task.elementId)).toEqual(['review']);
    expect(under.openTasks()).toEqual([]);
  });
});
