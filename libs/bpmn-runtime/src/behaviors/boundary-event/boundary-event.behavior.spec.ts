import { CommandRejectedError } from '../../contract/interpret.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS =
  '<bpmn:message id="offerSigned" name="offerSigned" stageflow:correlationKey="= offerId"/><bpmn:signal id="stop" name="campaignStopped"/><bpmn:signal id="ping" name="ping"/>';
const withRoots = (xml: string) => xml.replace('<bpmn:process', `${ROOTS}<bpmn:process`);

/** A "call the lead" task with one boundary event leading to an "escalate" task. */
const taskWithBoundary = (boundary: string, cancelActivity = true) =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:userTask id="call"/>
      <bpmn:boundaryEvent id="b" attachedToRef="call" cancelActivity="${cancelActivity}">${boundary}</bpmn:boundaryEvent>
      <bpmn:userTask id="escalate"/>
      <bpmn:endEvent id="end"/>
      <bpmn:endEvent id="end2"/>
      ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'end')}${flow('f3', 'b', 'escalate')}${flow('f4', 'escalate', 'end2')}`),
  );

const timer = (tag: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${tag}>${value}</bpmn:${tag}></bpmn:timerEventDefinition>`;

describe('boundary timer event', () => {
  it('given an interrupting timer on a user task, when it fires, then the task is cancelled and the token continues at the boundary', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary(timer('timeDuration', 'PT2H')), { now: '2026-03-01T10:00:00.000Z' });
    const instance = scenario.start();
    const call = instance.task('call');
    expect(instance.timer('b').dueAt).toBe('2026-03-01T12:00:00.000Z');

    instance.fireTimer('b');

    expect(instance.lastEffects.slice(0, 2)).toEqual([
      { type: 'TaskCancelled', taskId: call.taskId, elementId: 'call' },
      { type: 'ElementLeft', elementId: 'call', elementType: 'bpmn:UserTask' },
    ]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['escalate']);
    expect(instance.entered()).toEqual(['start', 'call', 'b', 'escalate']);
    expect(instance.timers()).toEqual([]);
  });

  it('given a boundary timer, when the task is completed first, then the timer is cancelled', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary(timer('timeDuration', 'PT2H')));
    const instance = scenario.start();
    const timerId = instance.timer('b').timerId;

    instance.complete('call');

    expect(instance.lastEffects).toContainEqual({ type: 'TimerCancelled', timerId, elementId: 'b' });
    expect(instance.status).toBe('completed');
    expect(() => instance.send({ type: 'fireTimer', timerId })).toThrow(CommandRejectedError);
  });

  it('given a non-interrupting reminder every 3 days, when it fires, then a reminder token starts each time and the next firing is scheduled under a new id', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary(timer('timeCycle', 'R/P3D'), false), { now: '2026-03-01T10:00:00.000Z' });
    const instance = scenario.start();
    const first = instance.timer('b');

    instance.fireTimer('b');
    const second = instance.timer('b');
    instance.fireTimer('b');

    expect(first.dueAt).toBe('2026-03-04T10:00:00.000Z');
    expect(second).toEqual({ type: 'TimerScheduled', timerId: expect.any(String), elementId: 'b', dueAt: '2026-03-07T10:00:00.000Z' });
    expect(second.timerId).not.toBe(first.timerId);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['call', 'escalate', 'escalate']);
    expect(instance.timer('b').dueAt).toBe('2026-03-10T10:00:00.000Z');

    instance.complete('call');

    expect(instance.timers()).toEqual([]);
    expect(instance.lastEffects).toContainEqual({ type: 'TimerCancelled', timerId: expect.any(String), elementId: 'b' });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['escalate', 'escalate']);
  });

  it('given a non-interrupting cycle with two repetitions, when both have fired, then no further timer is scheduled', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary(timer('timeCycle', 'R2/PT1H'), false));
    const instance = scenario.start();

    instance.fireTimer('b').fireTimer('b');

    expect(instance.timers()).toEqual([]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['call', 'escalate', 'escalate']);
  });

  it('given a boundary timer whose FEEL fails, when the task is entered, then the activity has an incident and no task is created', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary(timer('timeDuration', '= slaDuration')));

    const instance = scenario.start({ variables: { slaDuration: 5 } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'call', message: expect.stringContaining("Timer of 'b'") });
    expect(instance.openTasks()).toEqual([]);
  });

  it('given an interrupting timer on a subprocess, when it fires, then everything inside is killed: tasks cancelled, inner timers cancelled, inner subscriptions closed', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:subProcess id="negotiate">
            <bpmn:startEvent id="s2"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="prepare"/>
            <bpmn:intermediateCatchEvent id="cooldown">${timer('timeDuration', 'P1D')}</bpmn:intermediateCatchEvent>
            <bpmn:receiveTask id="awaitSignature" messageRef="offerSigned"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:endEvent id="e2"/>
            ${flow('g1', 's2', 'fork')}${flow('g2', 'fork', 'prepare')}${flow('g3', 'fork', 'cooldown')}${flow('g4', 'fork', 'awaitSignature')}
            ${flow('g5', 'prepare', 'join')}${flow('g6', 'cooldown', 'join')}${flow('g7', 'awaitSignature', 'join')}${flow('g8', 'join', 'e2')}
          </bpmn:subProcess>
          <bpmn:boundaryEvent id="deadline" attachedToRef="negotiate">${timer('timeDuration', 'P14D')}</bpmn:boundaryEvent>
          <bpmn:endEvent id="won"/>
          <bpmn:endEvent id="lost"/>
          ${flow('f1', 'start', 'negotiate')}${flow('f2', 'negotiate', 'won')}${flow('f3', 'deadline', 'lost')}`),
      ),
    );
    const instance = scenario.start({ variables: { offerId: 'O-7' } });
    expect(instance.waitingAt().sort()).toEqual(['awaitSignature', 'cooldown', 'deadline', 'prepare']);
    const cooldown = instance.timer('cooldown');
    const signature = instance.subscription('awaitSignature');

    instance.fireTimer('deadline');

    expect(instance.status).toBe('completed');
    expect(instance.lastEffects).toEqual(
      expect.arrayContaining([
        { type: 'TaskCancelled', taskId: expect.any(String), elementId: 'prepare' },
        { type: 'TimerCancelled', timerId: cooldown.timerId, elementId: 'cooldown' },
        { type: 'MessageSubscriptionClosed', subscriptionId: signature.subscriptionId, elementId: 'awaitSignature' },
      ]),
    );
    expect(instance.waitingAt()).toEqual([]);
    expect(instance.state).toMatchObject({ tokens: [], scopes: {} });
    // Every element entered has been left: the engine's list of active elements is empty.
    const entered = instance
      .effectsOf('ElementEntered')
      .map((effect) => effect.elementId)
      .sort();
    const left = instance
      .effectsOf('ElementLeft')
      .map((effect) => effect.elementId)
      .sort();
    expect(left).toEqual(entered);
  });
});

describe('interrupting a scope that holds an incident', () => {
  it('given a token in an incident inside a subprocess, when a boundary timer interrupts the subprocess, then the incident is resolved with it', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="qualify">
          <bpmn:startEvent id="s2"/>
          <bpmn:exclusiveGateway id="route"/>
          <bpmn:endEvent id="e2"/>
          ${flow('g1', 's2', 'route')}${flow('g2', 'route', 'e2', '= score > 5')}
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="sla" attachedToRef="qualify">${timer('timeDuration', 'P1D')}</bpmn:boundaryEvent>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="late"/>
        ${flow('f1', 'start', 'qualify')}${flow('f2', 'qualify', 'end')}${flow('f3', 'sla', 'late')}`),
    );
    const instance = scenario.start({ variables: { score: 1 } });
    expect(instance.status).toBe('incident');
    const incidentId = instance.incidents()[0]!.incidentId;

    instance.fireTimer('sla');

    expect(instance.lastEffects).toContainEqual({ type: 'IncidentResolved', incidentId, elementId: 'route' });
    expect(instance.status).toBe('completed');
  });
});

describe('boundary events on a multi-instance activity', () => {
  it('given a boundary timer on a parallel multi-instance task, when it fires, then it belongs to the body: one timer, and every inner task is cancelled', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="review"><bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers" stageflow:elementVariable="reviewer"/></bpmn:userTask>
        <bpmn:boundaryEvent id="sla" attachedToRef="review">${timer('timeDuration', 'P2D')}</bpmn:boundaryEvent>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="late"/>
        ${flow('f1', 'start', 'review')}${flow('f2', 'review', 'end')}${flow('f3', 'sla', 'late')}`),
    );
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob', 'cy'] } });
    expect(instance.timers()).toHaveLength(1);
    expect(instance.openTasks()).toHaveLength(3);

    instance.fireTimer('sla');

    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('TaskCancelled')).toHaveLength(3);
    expect(instance.state).toMatchObject({ tokens: [], scopes: {} });
  });
});

describe('boundary message event', () => {
  it('given an interrupting message boundary, when the message is correlated, then the task is cancelled and the message variables are written', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary('<bpmn:messageEventDefinition messageRef="offerSigned"/>'));
    const instance = scenario.start({ variables: { offerId: 'O-1' } });
    expect(instance.subscription('b')).toMatchObject({ messageName: 'offerSigned', correlationKey: 'O-1' });

    instance.correlate('b', { signedBy: 'CFO' });

    expect(instance.lastEffects.map((effect) => effect.type)).toEqual(
      expect.arrayContaining(['MessageSubscriptionClosed', 'TaskCancelled', 'VariablesChanged', 'TaskCreated']),
    );
    expect(instance.variables).toEqual({ offerId: 'O-1', signedBy: 'CFO' });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['escalate']);
  });

  it('given a non-interrupting message boundary whose renewal succeeds, when the message arrives, then no incident is raised', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary('<bpmn:messageEventDefinition messageRef="offerSigned"/>', false));
    const instance = scenario.start({ variables: { offerId: 'O-1' } });

    instance.correlate('b');

    expect(instance.incidents()).toEqual([]);
    expect(instance.status).toBe('active');
  });

  it('given a non-interrupting message boundary whose correlation key fails once it fired, when the message arrives, then its token waits at the boundary in an incident, the task keeps waiting, and a retry lets the token go on', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary('<bpmn:messageEventDefinition messageRef="offerSigned"/>', false));
    const instance = scenario.start({ variables: { offerId: 'O-1' } });
    instance.send({ type: 'setVariables', variables: { offerId: null } });

    instance.correlate('b');

    expect(instance.lastOf('IncidentRaised', 'b').message).toContain("Correlation key of message 'offerSigned'");
    expect(instance.subscriptions()).toEqual([]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['call']);
    expect(instance.status).toBe('incident');

    instance.retryIncident('b');

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['call', 'escalate']);
    expect(instance.status).toBe('active');
  });

  it('given a non-interrupting message boundary, when messages arrive, then each starts a token, the subscription is renewed under a new id and the old id is rejected', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary('<bpmn:messageEventDefinition messageRef="offerSigned"/>', false));
    const instance = scenario.start({ variables: { offerId: 'O-1' } });
    const first = instance.subscription('b');

    instance.correlate(first.subscriptionId);
    const second = instance.subscription('b');
    instance.correlate(second.subscriptionId);

    expect(second.subscriptionId).not.toBe(first.subscriptionId);
    expect(second).toMatchObject({ correlationKey: 'O-1' });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['call', 'escalate', 'escalate']);
    expect(() => instance.send({ type: 'correlateMessage', subscriptionId: first.subscriptionId })).toThrow(CommandRejectedError);

    instance.complete('call');

    expect(instance.subscriptions()).toEqual([]);
  });
});

describe('boundary signal event', () => {
  it('given a non-interrupting and an interrupting signal boundary of one name, when the signal arrives, then they are taken in document order', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:userTask id="call"/>
          <bpmn:boundaryEvent id="note" attachedToRef="call" cancelActivity="false"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:boundaryEvent>
          <bpmn:boundaryEvent id="abort" attachedToRef="call"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:boundaryEvent>
          <bpmn:userTask id="log"/>
          <bpmn:endEvent id="end"/>
          <bpmn:endEvent id="aborted"/>
          ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'end')}${flow('f3', 'note', 'log')}${flow('f4', 'log', 'end')}${flow('f5', 'abort', 'aborted')}`),
      ),
    );
    const instance = scenario.start();

    instance.signal('campaignStopped', { reason: 'budget' });

    expect(instance.entered().slice(-4)).toEqual(['note', 'abort', 'log', 'aborted']);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['log']);
    expect(instance.subscriptions()).toEqual([]);
    expect(instance.variables).toEqual({ reason: 'budget' });
  });
});

describe('cancelling and terminating close every wait', () => {
  it('given timers and subscriptions in several branches, when the instance is cancelled, then each is cancelled or closed', async () => {
    const scenario = await Scenario.deploy(taskWithBoundary('<bpmn:messageEventDefinition messageRef="offerSigned"/>', false));
    const instance = scenario.start({ variables: { offerId: 'O-1' } });
    const sub = instance.subscription('b');

    instance.cancel();

    expect(instance.lastEffects).toEqual(
      expect.arrayContaining([
        { type: 'MessageSubscriptionClosed', subscriptionId: sub.subscriptionId, elementId: 'b' },
        { type: 'TaskCancelled', taskId: expect.any(String), elementId: 'call' },
        { type: 'InstanceCancelled' },
      ]),
    );
    expect(instance.waitingAt()).toEqual([]);
  });

  it('given a timer waiting in another branch, when a terminate end event is reached, then the timer is cancelled', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', 'P1D')}</bpmn:intermediateCatchEvent>
        <bpmn:userTask id="work"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'wait')}${flow('f3', 'fork', 'work')}${flow('f4', 'wait', 'end')}${flow('f5', 'work', 'stop')}`),
    );
    const instance = scenario.start();
    const timerId = instance.timer('wait').timerId;

    instance.complete('work');

    expect(instance.status).toBe('terminated');
    expect(instance.lastEffects).toContainEqual({ type: 'TimerCancelled', timerId, elementId: 'wait' });
  });
});
