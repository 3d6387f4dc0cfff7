import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS = '<bpmn:message id="contract" name="contractReturned" stageflow:correlationKey="= dealId"/>';

const receive = (mapping = '', boundary = '') =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:receiveTask id="awaitContract" messageRef="contract">${mapping}</bpmn:receiveTask>
    ${boundary}
    <bpmn:userTask id="book"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'awaitContract')}${flow('f2', 'awaitContract', 'book')}${flow('f3', 'book', 'end')}`).replace(
    '<bpmn:process',
    `${ROOTS}<bpmn:process`,
  );

describe('receive task', () => {
  it('given a receive task, when the message arrives, then its variables update the instance and the task completes', async () => {
    const scenario = await Scenario.deploy(receive());
    const instance = scenario.start({ variables: { dealId: 'D-3' } });
    expect(instance.subscription('awaitContract')).toMatchObject({ messageName: 'contractReturned', correlationKey: 'D-3' });

    instance.correlate('awaitContract', { signed: true });

    expect(instance.variables).toEqual({ dealId: 'D-3', signed: true });
    expect(instance.waitingAt()).toEqual(['book']);
  });

  it('given output mappings, when the message arrives, then its variables stay local and only the outputs leave the task', async () => {
    const scenario = await Scenario.deploy(
      receive(
        '<bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= pages > 0" target="contractOk"/></stageflow:ioMapping></bpmn:extensionElements>',
      ),
    );
    const instance = scenario.start({ variables: { dealId: 'D-3' } });

    instance.correlate('awaitContract', { pages: 4 });

    expect(instance.variables).toEqual({ dealId: 'D-3', contractOk: true });
  });

  it('given input mappings, when a variable they read changes while the task waits, then the message does not run them again', async () => {
    const scenario = await Scenario.deploy(
      receive(
        '<bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= dealId" target="ref"/><stageflow:output source="= ref" target="contractFor"/></stageflow:ioMapping></bpmn:extensionElements>',
      ),
    );
    const instance = scenario.start({ variables: { dealId: 'D-3' } });
    instance.send({ type: 'setVariables', variables: { dealId: 'D-4' } });

    instance.correlate('awaitContract');

    expect(instance.variables).toEqual({ dealId: 'D-4', contractFor: 'D-3' });
  });

  it('given a correlation key that cannot be evaluated, when the task is reached, then it has an incident and no subscription', async () => {
    const scenario = await Scenario.deploy(receive());
    const instance = scenario.start();

    expect(instance.status).toBe('incident');
    expect(instance.lastOf('IncidentRaised', 'awaitContract').message).toContain("Correlation key of message 'contractReturned'");
    expect(instance.subscriptions()).toEqual([]);
  });

  it('given a message without variables, when it arrives, then the task completes and nothing is written', async () => {
    const scenario = await Scenario.deploy(
      receive(
        '<bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= dealId" target="contractFor"/></stageflow:ioMapping></bpmn:extensionElements>',
      ),
    );
    const instance = scenario.start({ variables: { dealId: 'D-3' } });
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'awaitContract', wait: 'catch' }] });

    instance.correlate('awaitContract');

    expect(instance.variables).toEqual({ dealId: 'D-3', contractFor: 'D-3' });
    expect(instance.waitingAt()).toEqual(['book']);
  });

  it('given a boundary timer on the receive task, when the message arrives first, then the timer is cancelled', async () => {
    const scenario = await Scenario.deploy(
      receive(
        '',
        `<bpmn:boundaryEvent id="tooLong" attachedToRef="awaitContract"><bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="gaveUp"/>${flow('f4', 'tooLong', 'gaveUp')}`,
      ),
    );
    const instance = scenario.start({ variables: { dealId: 'D-3' } });
    const timerId = instance.timer('tooLong').timerId;

    instance.correlate('awaitContract');

    expect(instance.lastEffects).toContainEqual({ type: 'TimerCancelled', timerId, elementId: 'tooLong' });
    expect(instance.waitingAt()).toEqual(['book']);
  });

  it('given a boundary timer on the receive task, when it fires first, then the subscription is closed and the boundary path is taken', async () => {
    const scenario = await Scenario.deploy(
      receive(
        '',
        `<bpmn:boundaryEvent id="tooLong" attachedToRef="awaitContract"><bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="gaveUp"/>${flow('f4', 'tooLong', 'gaveUp')}`,
      ),
    );
    const instance = scenario.start({ variables: { dealId: 'D-3' } });

    instance.fireTimer('tooLong');

    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('MessageSubscriptionClosed').map((effect) => effect.elementId)).toEqual(['awaitContract']);
  });
});
