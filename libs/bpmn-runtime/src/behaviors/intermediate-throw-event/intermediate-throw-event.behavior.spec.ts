import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('intermediate none throw event', () => {
  it('given a milestone between two elements, when the token reaches it, then it passes through and reports its stage', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:intermediateThrowEvent id="qualified" stageflow:stage="Qualified"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'qualified')}
        ${flow('f2', 'qualified', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.status).toBe('completed');
    expect(instance.entered()).toEqual(['start', 'qualified', 'end']);
    expect(instance.effectsOf('ElementEntered')[1]).toMatchObject({ elementType: 'bpmn:IntermediateThrowEvent', stage: 'Qualified' });
    expect(instance.effectsOf('ElementLeft').map((effect) => effect.elementId)).toEqual(['start', 'qualified', 'end']);
  });
});
