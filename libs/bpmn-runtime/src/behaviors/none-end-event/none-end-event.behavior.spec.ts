import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('none end event', () => {
  it('given a straight-through process, when started, then the token ends and the instance completes', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.status).toBe('completed');
    expect(instance.lastEffects.slice(-3)).toEqual([
      { type: 'ElementEntered', elementId: 'end', elementType: 'bpmn:EndEvent' },
      { type: 'ElementLeft', elementId: 'end', elementType: 'bpmn:EndEvent' },
      { type: 'InstanceCompleted' },
    ]);
    expect(instance.state).toMatchObject({ tokens: [] });
  });

  it('given two parallel branches, when only one reaches its end event, then the instance is still active', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:endEvent id="endA"/>
        <bpmn:userTask id="call"/>
        <bpmn:endEvent id="endB"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'endA')}
        ${flow('f3', 'fork', 'call')}
        ${flow('f4', 'call', 'endB')}`),
    );

    const instance = scenario.start();
    expect(instance.status).toBe('active');
    expect(instance.effectsOf('InstanceCompleted')).toHaveLength(0);

    instance.complete('call');

    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('InstanceCompleted')).toHaveLength(1);
  });
});
