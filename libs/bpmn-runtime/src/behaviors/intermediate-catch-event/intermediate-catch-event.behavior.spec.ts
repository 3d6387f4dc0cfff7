import { CommandRejectedError } from '../../contract/interpret.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const timerCatch = (definition: string) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>${definition}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="followUp"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'wait')}
    ${flow('f2', 'wait', 'followUp')}
    ${flow('f3', 'followUp', 'end')}`);

const messageDefinitions = (key: string) => `<bpmn:message id="m" name="newsletterOpened" stageflow:correlationKey="${key}"/>`;

function withRoots(xml: string, roots: string): string {
  return xml.replace('<bpmn:process', `${roots}\n  <bpmn:process`);
}

const messageCatch = (key = '= leadId') =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:subProcess id="nurture">
        <bpmn:startEvent id="s2"/>
        <bpmn:intermediateCatchEvent id="opened"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="e2"/>
        ${flow('g1', 's2', 'opened')}
        ${flow('g2', 'opened', 'e2')}
        <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= 0" target="opens"/></stageflow:ioMapping></bpmn:extensionElements>
      </bpmn:subProcess>
      <bpmn:userTask id="promote"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'nurture')}
      ${flow('f2', 'nurture', 'promote')}
      ${flow('f3', 'promote', 'end')}`),
    messageDefinitions(key),
  );

describe('intermediate timer catch event', () => {
  it('given a duration timer, when the token arrives, then it waits with TimerScheduled at now + duration and moves on when it fires', async () => {
    const scenario = await Scenario.deploy(timerCatch('<bpmn:timeDuration>PT2H</bpmn:timeDuration>'), { now: '2026-03-01T10:00:00.000Z' });

    const instance = scenario.start();

    expect(instance.timers()).toEqual([{ type: 'TimerScheduled', timerId: expect.any(String), elementId: 'wait', dueAt: '2026-03-01T12:00:00.000Z' }]);
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'wait', wait: 'catch', catches: [{ id: instance.timer('wait').timerId, node: 'wait' }] }] });

    instance.fireTimer('wait');

    expect(instance.timers()).toEqual([]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['followUp']);
    expect(instance.lastEffects.map((effect) => effect.type)).toEqual(['ElementLeft', 'FlowTaken', 'ElementEntered', 'TaskCreated']);
  });

  it('given a date in the past, when the token arrives, then the timer is due at that date (the engine fires it at once)', async () => {
    const scenario = await Scenario.deploy(timerCatch('<bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate>'), { now: '2026-03-01T10:00:00.000Z' });

    expect(scenario.start().timer('wait').dueAt).toBe('2020-01-01T00:00:00.000Z');
  });

  it('given a FEEL timer, when the token arrives, then it is evaluated in the token scope against the command time', async () => {
    const scenario = await Scenario.deploy(timerCatch('<bpmn:timeDuration>= "PT" + string(hours) + "H"</bpmn:timeDuration>'), {
      now: '2026-03-01T10:00:00.000Z',
    });

    expect(scenario.start({ variables: { hours: 4 } }).timer('wait').dueAt).toBe('2026-03-01T14:00:00.000Z');
  });

  it('given a FEEL timer that fails at run time, when the token arrives, then it is an incident at the catch event and no timer is scheduled', async () => {
    const scenario = await Scenario.deploy(timerCatch('<bpmn:timeDate>= date and time(deadline)</bpmn:timeDate>'));

    const instance = scenario.start({ variables: { deadline: 'not a date' } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toEqual([
      { type: 'IncidentRaised', incidentId: expect.any(String), elementId: 'wait', message: expect.stringContaining("Timer of 'wait'") },
    ]);
    expect(instance.timers()).toEqual([]);
  });

  it('given a timer that already fired, when the same timer id fires again (a retried job), then it is rejected and nothing moves', async () => {
    const scenario = await Scenario.deploy(timerCatch('<bpmn:timeDuration>PT1M</bpmn:timeDuration>'));
    const instance = scenario.start();
    const timerId = instance.timer('wait').timerId;
    instance.fireTimer(timerId);

    expect(() => instance.send({ type: 'fireTimer', timerId })).toThrow(CommandRejectedError);
    expect(instance.openTasks()).toHaveLength(1);
  });

  it('given a parked timer wait, when serialized with UUID ids, then the catch adds tens of bytes, not kilobytes', async () => {
    const scenario = await Scenario.deploy(timerCatch('<bpmn:timeDuration>PT1M</bpmn:timeDuration>'));
    const withoutCatch = JSON.stringify({
      status: 'active',
      variables: {},
      tokens: [{ id: '0f978ff3-fae0-4657-b991-ff023f372ffd', nodeId: 'wait', scopeId: 'root', wait: 'catch' }],
      scopes: {},
    });

    const state = JSON.stringify(scenario.start().state).replace(/id-\d+/g, '0f978ff3-fae0-4657-b991-ff023f372ffd');

    expect(state.length - withoutCatch.length).toBeLessThan(80);
  });
});

describe('intermediate message catch event', () => {
  it('given a message catch, when the token arrives, then it subscribes with the evaluated correlation key', async () => {
    const scenario = await Scenario.deploy(messageCatch());

    const instance = scenario.start({ variables: { leadId: 42 } });

    expect(instance.subscriptions()).toEqual([
      { type: 'MessageSubscribed', subscriptionId: expect.any(String), elementId: 'opened', messageName: 'newsletterOpened', correlationKey: '42' },
    ]);
  });

  it('given a waiting message catch, when the message is correlated, then its variables update the nearest scope that has them, else the instance', async () => {
    const scenario = await Scenario.deploy(messageCatch());
    const instance = scenario.start({ variables: { leadId: 'L-1' } });

    instance.correlate('opened', { opens: 3, channel: 'mail' });

    expect(instance.effectsOf('VariablesChanged').slice(-2)).toEqual([
      { type: 'VariablesChanged', changes: { opens: 3 }, elementId: 'opened', scopeId: expect.any(String) },
      { type: 'VariablesChanged', changes: { channel: 'mail' }, elementId: 'opened' },
    ]);
    expect(instance.variables).toEqual({ leadId: 'L-1', channel: 'mail' });
    expect(instance.lastEffects).toContainEqual({ type: 'MessageSubscriptionClosed', subscriptionId: expect.any(String), elementId: 'opened' });
    expect(instance.subscriptions()).toEqual([]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['promote']);
  });

  it('given a correlation key that fails, when the token arrives, then it is an incident and nothing is subscribed', async () => {
    const scenario = await Scenario.deploy(messageCatch());

    const instance = scenario.start();

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'opened', message: expect.stringContaining("Correlation key of message 'newsletterOpened'") });
    expect(instance.subscriptions()).toEqual([]);
  });

  it('given a literal correlation key, when subscribing, then the literal is the key', async () => {
    const scenario = await Scenario.deploy(messageCatch('campaign-7'));

    expect(scenario.start().subscription('opened')).toMatchObject({ correlationKey: 'campaign-7' });
  });

  it('given an unknown subscription id, when a message is correlated, then it is rejected', async () => {
    const scenario = await Scenario.deploy(messageCatch());
    const instance = scenario.start({ variables: { leadId: 1 } });

    expect(() => instance.send({ type: 'correlateMessage', subscriptionId: 'nope' })).toThrow(/No message subscription 'nope'/);
  });
});

describe('intermediate signal catch event', () => {
  const signalCatch = withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:parallelGateway id="fork"/>
      <bpmn:intermediateCatchEvent id="a"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="b"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
      <bpmn:parallelGateway id="join"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'a')}${flow('f3', 'fork', 'b')}
      ${flow('f4', 'a', 'join')}${flow('f5', 'b', 'join')}${flow('f6', 'join', 'end')}`),
    '<bpmn:signal id="sig" name="priceListChanged"/>',
  );

  it('given two tokens waiting for one signal, when it is delivered, then every open subscription of that name is triggered', async () => {
    const scenario = await Scenario.deploy(signalCatch);
    const instance = scenario.start();
    expect(instance.subscriptions().map((sub) => [sub.type, sub.elementId, sub.type === 'SignalSubscribed' && sub.signalName])).toEqual([
      ['SignalSubscribed', 'a', 'priceListChanged'],
      ['SignalSubscribed', 'b', 'priceListChanged'],
    ]);

    instance.signal('priceListChanged', { list: 'Q3' });

    expect(instance.status).toBe('completed');
    expect(instance.variables).toEqual({ list: 'Q3' });
    expect(instance.effectsOf('SignalSubscriptionClosed').map((effect) => effect.elementId)).toEqual(['a', 'b']);
  });

  it('given no subscription of that name, when a signal is delivered, then it is rejected', async () => {
    const scenario = await Scenario.deploy(signalCatch);

    expect(() => scenario.start().signal('other')).toThrow(CommandRejectedError);
  });
});
