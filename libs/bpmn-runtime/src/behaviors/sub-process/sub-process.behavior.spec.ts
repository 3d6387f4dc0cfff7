import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const withSubProcess = (mappings: string) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:subProcess id="negotiation" stageflow:stage="Negotiation">
      ${mappings}
      <bpmn:startEvent id="subStart"/>
      <bpmn:userTask id="offer" stageflow:assignee="= owner"/>
      <bpmn:userTask id="counter"/>
      <bpmn:endEvent id="subEnd"/>
      ${flow('s1', 'subStart', 'offer')}
      ${flow('s2', 'offer', 'counter')}
      ${flow('s3', 'counter', 'subEnd')}
    </bpmn:subProcess>
    <bpmn:userTask id="close"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'negotiation')}
    ${flow('f2', 'negotiation', 'close')}
    ${flow('f3', 'close', 'end')}`);

describe('embedded subprocess', () => {
  it('given an embedded subprocess, when entered, then it starts at its none start event inside its own scope', async () => {
    const scenario = await Scenario.deploy(withSubProcess(''));

    const instance = scenario.start({ variables: { owner: 'ann' } });

    expect(instance.entered()).toEqual(['start', 'negotiation', 'subStart', 'offer']);
    expect(instance.task('offer').assignee).toBe('ann');
    expect(instance.effectsOf('ElementEntered')[1]).toMatchObject({ elementId: 'negotiation', stage: 'Negotiation' });
    expect(instance.state).toMatchObject({
      tokens: [
        { nodeId: 'negotiation', scopeId: 'root', wait: 'subProcess' },
        { nodeId: 'offer', wait: 'task' },
      ],
    });
  });

  it('given the last inner token ends, when the subprocess has no tokens left, then it completes and leaves', async () => {
    const scenario = await Scenario.deploy(withSubProcess(''));
    const instance = scenario.start({ variables: { owner: 'ann' } });

    instance.complete('offer').complete('counter');

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['close']);
    expect(instance.lastEffects).toContainEqual({ type: 'ElementLeft', elementId: 'negotiation', elementType: 'bpmn:SubProcess', stage: 'Negotiation' });
    expect(instance.state).toMatchObject({ scopes: {} });
    instance.complete('close');
    expect(instance.status).toBe('completed');
  });

  it('given input mappings, when inner tasks complete with variables, then inner locals stay inside and new variables go to the instance', async () => {
    const scenario = await Scenario.deploy(
      withSubProcess(`<bpmn:extensionElements><stageflow:ioMapping>
        <stageflow:input source="= 0" target="rounds"/>
        <stageflow:output source="= rounds" target="negotiationRounds"/>
      </stageflow:ioMapping></bpmn:extensionElements>`),
    );
    const instance = scenario.start({ variables: { owner: 'ann' } });

    instance.complete('offer', { rounds: 1, price: 100 });
    expect(instance.variables).toEqual({ owner: 'ann', price: 100 });
    expect(instance.effectsOf('VariablesChanged').slice(-2)).toEqual([
      { type: 'VariablesChanged', changes: { rounds: 1 }, elementId: 'offer', scopeId: expect.any(String) },
      { type: 'VariablesChanged', changes: { price: 100 }, elementId: 'offer' },
    ]);

    instance.complete('counter', { rounds: 2 });

    expect(instance.variables).toEqual({ owner: 'ann', price: 100, negotiationRounds: 2 });
  });

  it('given an input mapping that fails, when the subprocess is entered, then an incident parks the token on the subprocess', async () => {
    const scenario = await Scenario.deploy(
      withSubProcess(`<bpmn:extensionElements><stageflow:ioMapping>
        <stageflow:input source="= 1 + owner" target="n"/>
      </stageflow:ioMapping></bpmn:extensionElements>`),
    );

    const instance = scenario.start({ variables: { owner: 'ann' } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'negotiation' });
    expect(instance.incidents()[0]?.message).toMatch(/Input mapping 'n' of 'negotiation' failed/);
  });
});
