import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('send task without stageflow:action', () => {
  it('given a send task with input mappings, when reached, then MessageThrown carries what the task sees and the token moves on', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:sendTask id="notifyErp" messageRef="m">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= amount * 1.2" target="gross"/></stageflow:ioMapping></bpmn:extensionElements>
        </bpmn:sendTask>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'notifyErp')}${flow('f2', 'notifyErp', 'end')}`).replace(
        '<bpmn:process',
        '<bpmn:message id="m" name="orderBooked" stageflow:correlationKey="= orderId"/><bpmn:process',
      ),
    );

    const instance = scenario.start({ variables: { orderId: 'O-1', amount: 100 } });

    expect(instance.effectsOf('MessageThrown')).toEqual([
      {
        type: 'MessageThrown',
        elementId: 'notifyErp',
        messageName: 'orderBooked',
        correlationKey: 'O-1',
        variables: { orderId: 'O-1', amount: 100, gross: 120 },
      },
    ]);
    expect(instance.status).toBe('completed');
    expect(instance.variables).toEqual({ orderId: 'O-1', amount: 100 });
  });
});
