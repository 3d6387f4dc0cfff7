import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

// start -> "work" -> gateway (record.value > 1000 -> "bigDeal", else "smallDeal")
const byRecord = bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="work"/>
    <bpmn:exclusiveGateway id="size" default="toSmall"/>
    <bpmn:userTask id="bigDeal"/>
    <bpmn:userTask id="smallDeal"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'work')}
    ${flow('f3', 'bigDeal', 'end')}
    ${flow('f4', 'smallDeal', 'end')}
    ${flow('f2', 'work', 'size')}
    ${flow('toBig', 'size', 'bigDeal', '= record.value > 1000')}
    ${flow('toSmall', 'size', 'smallDeal')}`);

describe('the record of an instance', () => {
  it('is visible to FEEL as `record`, as read for each command: a change between steps is seen at the next step', async () => {
    let record: Record<string, unknown> = { value: 500 };
    const scenario = await Scenario.deploy(byRecord, { record: () => record });
    const instance = scenario.start({ businessKey: 'opportunity:1' });
    record = { value: 5000 };

    instance.complete('work');

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['bigDeal']);
  });

  it('shadows a process variable named record only when the engine gives one', async () => {
    const withRecord = await Scenario.deploy(byRecord, { record: () => ({ value: 0 }) });
    expect(
      withRecord
        .start({ variables: { record: { value: 9999 } } })
        .complete('work')
        .openTasks()[0]?.elementId,
    ).toBe('smallDeal');
    const withoutRecord = await Scenario.deploy(byRecord);
    expect(
      withoutRecord
        .start({ variables: { record: { value: 9999 } } })
        .complete('work')
        .openTasks()[0]?.elementId,
    ).toBe('bigDeal');
  });

  it('is the fact `record` of a business-rule task', async () => {
    const seen: unknown[] = [];
    const diagram = bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:businessRuleTask id="classify" stageflow:ruleSet="bant" stageflow:resultVariable="classification"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'classify')}
      ${flow('f2', 'classify', 'end')}`);
    const scenario = await Scenario.deploy(diagram, {
      record: () => ({ budget: 20000 }),
      decide: (_key, facts) => {
        seen.push(facts.record);
        return { ok: true, value: 'expected-buyer' };
      },
    });

    const instance = scenario.start({ variables: { note: 'x' } });

    expect(seen).toEqual([{ budget: 20000 }]);
    expect(instance.variables.classification).toBe('expected-buyer');
  });
});
