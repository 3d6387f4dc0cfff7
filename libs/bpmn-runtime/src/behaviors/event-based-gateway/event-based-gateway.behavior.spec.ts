import { CommandRejectedError } from '../../contract/interpret.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS = `<bpmn:message id="signed" name="offerSigned" stageflow:correlationKey="= offerId"/><bpmn:message id="declined" name="offerDeclined" stageflow:correlationKey="= offerId"/>
  <bpmn:signal id="stop" name="campaignStopped"/>`;

/** "wait for the signed offer, a decline, a stop signal, or 3 days" */
const RACE = bpmnProcess(`
  <bpmn:startEvent id="start"/>
  <bpmn:eventBasedGateway id="race"/>
  <bpmn:intermediateCatchEvent id="whenSigned"><bpmn:messageEventDefinition messageRef="signed"/></bpmn:intermediateCatchEvent>
  <bpmn:receiveTask id="awaitDecline" messageRef="declined">
    <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= offerId" target="ref"/><stageflow:output source="= reason + &quot; (&quot; + ref + &quot;)&quot;" target="lossReason"/></stageflow:ioMapping></bpmn:extensionElements>
  </bpmn:receiveTask>
  <bpmn:intermediateCatchEvent id="whenStopped"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="after3Days"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:userTask id="won"/><bpmn:userTask id="lost"/><bpmn:userTask id="remind"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'race')}
  ${flow('toSigned', 'race', 'whenSigned')}${flow('toDecline', 'race', 'awaitDecline')}${flow('toStop', 'race', 'whenStopped')}${flow('toTimer', 'race', 'after3Days')}
  ${flow('f2', 'whenSigned', 'won')}${flow('f3', 'awaitDecline', 'lost')}${flow('f4', 'whenStopped', 'lost')}${flow('f5', 'after3Days', 'remind')}
  ${flow('f6', 'won', 'end')}${flow('f7', 'lost', 'end')}${flow('f8', 'remind', 'end')}`).replace('<bpmn:process', `${ROOTS}<bpmn:process`);

describe('event-based gateway', () => {
  it('given an event-based gateway, when the token arrives, then it waits at the gateway for every event after it', async () => {
    const scenario = await Scenario.deploy(RACE, { now: '2026-03-01T10:00:00.000Z' });

    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    expect(instance.waitingAt()).toEqual(['after3Days', 'whenSigned', 'awaitDecline', 'whenStopped']);
    expect(instance.timer('after3Days').dueAt).toBe('2026-03-04T10:00:00.000Z');
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'race', wait: 'catch' }] });
  });

  it('given the message arrives first, when correlated, then the timer is cancelled, the other subscriptions closed and the token passes through the message event', async () => {
    const scenario = await Scenario.deploy(RACE);
    const instance = scenario.start({ variables: { offerId: 'O-9' } });
    const timerId = instance.timer('after3Days').timerId;

    instance.correlate('whenSigned', { signedAt: '2026-03-02' });

    expect(instance.waitingAt()).toEqual(['won']);
    expect(instance.lastEffects.map((effect) => effect.type)).toEqual([
      'ElementLeft',
      'MessageSubscriptionClosed',
      'SignalSubscriptionClosed',
      'TimerCancelled',
      'FlowTaken',
      'ElementEntered',
      'MessageSubscriptionClosed',
      'VariablesChanged',
      'ElementLeft',
      'FlowTaken',
      'ElementEntered',
      'TaskCreated',
    ]);
    expect(instance.flowsTaken()).toEqual(['f1', 'toSigned', 'f2']);
    expect(instance.variables).toMatchObject({ signedAt: '2026-03-02' });
    expect(() => instance.send({ type: 'fireTimer', timerId })).toThrow(CommandRejectedError);
  });

  it('given the timer fires first, when due, then every subscription is closed and the timer path is taken', async () => {
    const scenario = await Scenario.deploy(RACE);
    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    instance.fireTimer('after3Days');

    expect(instance.waitingAt()).toEqual(['remind']);
    expect(instance.effectsOf('MessageSubscriptionClosed').map((effect) => effect.elementId)).toEqual(['whenSigned', 'awaitDecline']);
  });

  it('given a receive task after the gateway wins, when its message arrives, then its input mappings run and its output mappings see the message', async () => {
    const scenario = await Scenario.deploy(RACE);
    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    instance.correlate('awaitDecline', { reason: 'price' });

    expect(instance.waitingAt()).toEqual(['lost']);
    expect(instance.variables).toEqual({ offerId: 'O-9', lossReason: 'price (O-9)' });
  });

  it('given the signal arrives first, when delivered, then the signal path is taken', async () => {
    const scenario = await Scenario.deploy(RACE);
    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    instance.signal('campaignStopped');

    expect(instance.waitingAt()).toEqual(['lost']);
    expect(instance.timers()).toEqual([]);
    expect(instance.subscriptions()).toEqual([]);
  });
});

describe('event-based gateway: opening and winning', () => {
  /** "wait 3 days or for the signed offer"; the timer comes first, the message second */
  const timerThenMessage = (stage = '') =>
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:eventBasedGateway id="race"/>
      <bpmn:intermediateCatchEvent id="after3Days" ${stage}><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="whenSigned" ${stage}><bpmn:messageEventDefinition messageRef="signed"/></bpmn:intermediateCatchEvent>
      <bpmn:userTask id="remind"/><bpmn:userTask id="won"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'race')}
      ${flow('toTimer', 'race', 'after3Days')}${flow('toSigned', 'race', 'whenSigned')}
      ${flow('f2', 'after3Days', 'remind')}${flow('f3', 'whenSigned', 'won')}
      ${flow('f4', 'remind', 'end')}${flow('f5', 'won', 'end')}`).replace(
      '<bpmn:process',
      '<bpmn:message id="signed" name="offerSigned" stageflow:correlationKey="= offerId"/><bpmn:process',
    );

  it('given a catch after the gateway that cannot open, when the token arrives, then the catches already opened are closed and an incident is raised at the gateway', async () => {
    const scenario = await Scenario.deploy(timerThenMessage());

    // No offerId: the message's correlation key gives null.
    const instance = scenario.start();

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toMatchObject([
      { elementId: 'race', message: expect.stringMatching(/^Correlation key of message 'offerSigned' at 'whenSigned'/) },
    ]);
    expect(instance.effectsOf('TimerScheduled')).toHaveLength(1);
    expect(instance.timers()).toEqual([]);
    expect(instance.subscriptions()).toEqual([]);
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'race', wait: 'incident' }] });
  });

  it('given the event of a later outgoing flow wins, when it fires, then the flow to that event is the one taken', async () => {
    const scenario = await Scenario.deploy(RACE);
    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    instance.fireTimer('after3Days');

    expect(instance.flowsTaken()).toEqual(['f1', 'toTimer', 'f5']);
    expect(instance.lastEffects.slice(0, 7).map((effect) => effect.type)).toEqual([
      'ElementLeft',
      'MessageSubscriptionClosed',
      'MessageSubscriptionClosed',
      'SignalSubscriptionClosed',
      'FlowTaken',
      'ElementEntered',
      'ElementLeft',
    ]);
    expect(instance.lastEffects[0]).toEqual({ type: 'ElementLeft', elementId: 'race', elementType: 'bpmn:EventBasedGateway' });
    expect(instance.lastEffects[4]).toEqual({ type: 'FlowTaken', elementId: 'toTimer', elementType: 'bpmn:SequenceFlow' });
    expect(instance.lastEffects[5]).toEqual({ type: 'ElementEntered', elementId: 'after3Days', elementType: 'bpmn:IntermediateCatchEvent' });
  });

  it('given a winning event with a stage, when it fires, then its entry names the stage', async () => {
    const scenario = await Scenario.deploy(timerThenMessage('stageflow:stage="Follow-up"'));
    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    instance.fireTimer('after3Days');

    expect(instance.effectsOf('ElementEntered').filter((effect) => effect.elementId === 'after3Days')).toEqual([
      { type: 'ElementEntered', elementId: 'after3Days', elementType: 'bpmn:IntermediateCatchEvent', stage: 'Follow-up' },
    ]);
  });

  it('given the winning event, when it has fired, then the token carries no wait of the gateway', async () => {
    const scenario = await Scenario.deploy(timerThenMessage());
    const instance = scenario.start({ variables: { offerId: 'O-9' } });

    instance.correlate('whenSigned');

    expect(instance.state!.tokens).toEqual([{ id: expect.any(String), nodeId: 'won', scopeId: expect.any(String), wait: 'task', taskId: expect.any(String) }]);
  });
});
