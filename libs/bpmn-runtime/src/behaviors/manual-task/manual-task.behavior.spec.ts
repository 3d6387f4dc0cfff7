import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('manual task', () => {
  it('given a manual task, when the token reaches it, then it passes through without creating a task', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:manualTask id="call" name="Call the customer"/>
        <bpmn:task id="plain"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'call')}
        ${flow('f2', 'call', 'plain')}
        ${flow('f3', 'plain', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.status).toBe('completed');
    expect(instance.entered()).toEqual(['start', 'call', 'plain', 'end']);
    expect(instance.effectsOf('TaskCreated')).toEqual([]);
  });

  it('given a manual task with input and output mappings, when passed, then inputs are local and outputs reach the enclosing scope', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:manualTask id="calc">
          <bpmn:extensionElements>
            <stageflow:ioMapping>
              <stageflow:input source="= amount * 2" target="doubled"/>
              <stageflow:input source="fixed text" target="label"/>
              <stageflow:output source="= doubled + 1" target="result"/>
              <stageflow:output source="= label" target="label"/>
            </stageflow:ioMapping>
          </bpmn:extensionElements>
        </bpmn:manualTask>
        <bpmn:userTask id="check"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'calc')}
        ${flow('f2', 'calc', 'check')}
        ${flow('f3', 'check', 'end')}`),
    );

    const instance = scenario.start({ variables: { amount: 20 } });

    expect(instance.variables).toEqual({ amount: 20, result: 41, label: 'fixed text' });
    expect(instance.variables).not.toHaveProperty('doubled');
    expect(instance.effectsOf('VariablesChanged').at(-1)).toEqual({
      type: 'VariablesChanged',
      changes: { result: 41, label: 'fixed text' },
      elementId: 'calc',
    });
    expect(instance.state).toMatchObject({ scopes: {} });
  });
});
