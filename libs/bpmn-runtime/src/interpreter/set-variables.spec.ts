import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

describe('setVariables command', () => {
  it('given a waiting instance, when variables are set from outside, then the instance scope has them and no token moves', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:userTask id="t"/><bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`),
    );
    const instance = scenario.start({ variables: { stage: 'New' } });

    instance.send({ type: 'setVariables', variables: { stage: 'Contacted', owner: 'anna' } });

    expect(instance.variables).toEqual({ stage: 'Contacted', owner: 'anna' });
    expect(instance.waitingAt()).toEqual(['t']);
    expect(instance.lastEffects).toEqual([{ type: 'VariablesChanged', changes: { stage: 'Contacted', owner: 'anna' } }]);
  });

  it('given an ended instance, when variables are set, then the command is rejected', async () => {
    const scenario = await Scenario.deploy(bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'e')}`));
    const instance = scenario.start();

    expect(() => instance.send({ type: 'setVariables', variables: { x: 1 } })).toThrow(/completed/);
  });
});
