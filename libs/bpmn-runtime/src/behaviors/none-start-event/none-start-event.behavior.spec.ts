import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('none start event', () => {
  it('given a process starting at a none start event, when started, then the token passes on to the next element', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start" name="Lead received"/>
        <bpmn:userTask id="qualify"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'qualify')}
        ${flow('f2', 'qualify', 'end')}`),
    );

    const instance = scenario.start({ variables: { lead: 'ACME' }, businessKey: 'lead-1' });

    expect(instance.status).toBe('active');
    expect(instance.lastEffects.slice(0, 5)).toEqual([
      { type: 'VariablesChanged', changes: { lead: 'ACME' } },
      { type: 'ElementEntered', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'ElementLeft', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'FlowTaken', elementId: 'f1', elementType: 'bpmn:SequenceFlow' },
      { type: 'ElementEntered', elementId: 'qualify', elementType: 'bpmn:UserTask' },
    ]);
    expect(instance.state).toMatchObject({ businessKey: 'lead-1', variables: { lead: 'ACME' } });
  });

  it('given a start event with a stage, when started, then ElementEntered reports the stage', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start" stageflow:stage="New"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.effectsOf('ElementEntered')[0]).toEqual({ type: 'ElementEntered', elementId: 'start', elementType: 'bpmn:StartEvent', stage: 'New' });
  });
});
