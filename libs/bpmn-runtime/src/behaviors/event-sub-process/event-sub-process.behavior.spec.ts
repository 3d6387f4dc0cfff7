import { compileBpmn } from '../../model/compile-bpmn.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS =
  '<bpmn:message id="msgEscalate" name="escalate"/><bpmn:message id="msgNote" name="note"/><bpmn:signal id="sigStop" name="campaignStopped"/>' +
  '<bpmn:error id="errLost" errorCode="LOST"/><bpmn:error id="errOther" errorCode="OTHER"/><bpmn:escalation id="escVip" escalationCode="VIP"/>';
const withRoots = (xml: string) => xml.replace('<bpmn:process', `${ROOTS}<bpmn:process`);

const timer = (tag: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${tag}>${value}</bpmn:${tag}></bpmn:timerEventDefinition>`;

/** An event subprocess `esp` whose start `espStart` has `definition`, running one task `handle`. */
const eventSubProcess = (definition: string, interrupting = true, id = 'esp', task = 'handle') => `
  <bpmn:subProcess id="${id}" triggeredByEvent="true">
    <bpmn:startEvent id="${id}Start" isInterrupting="${interrupting}">${definition}</bpmn:startEvent>
    <bpmn:userTask id="${task}"/>
    <bpmn:endEvent id="${id}End"/>
    ${flow(`${id}1`, `${id}Start`, task)}${flow(`${id}2`, task, `${id}End`)}
  </bpmn:subProcess>`;

/** The lead process: one "call" task, plus the given event subprocesses at process level. */
const lead = (...subProcesses: string[]) =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:userTask id="call"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'end')}
      ${subProcesses.join('\n')}`),
  );

describe('event subprocess', () => {
  it('given a message event subprocess, when the instance starts, then it listens before the first task is created', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess('<bpmn:messageEventDefinition messageRef="msgEscalate"/>')));

    const instance = scenario.start();

    expect(instance.subscription('espStart')).toMatchObject({ type: 'MessageSubscribed', messageName: 'escalate' });
    expect(instance.waitingAt()).toEqual(['call', 'espStart']);
    expect(instance.entered()).toEqual(['start', 'call']);
  });

  it('given an interrupting message event subprocess, when the message arrives, then the running work is cancelled and the handler runs; its end completes the instance', async () => {
    const scenario = await Scenario.deploy(
      lead(
        eventSubProcess('<bpmn:messageEventDefinition messageRef="msgEscalate"/>'),
        eventSubProcess(timer('timeDuration', 'P7D'), false, 'reminder', 'remind'),
      ),
    );
    const instance = scenario.start();
    const call = instance.task('call');

    instance.correlate('espStart', { reason: 'angry customer' });

    expect(instance.lastEffects).toContainEqual({ type: 'TaskCancelled', taskId: call.taskId, elementId: 'call' });
    expect(instance.lastEffects).toContainEqual(expect.objectContaining({ type: 'TimerCancelled', elementId: 'reminderStart' }));
    expect(instance.waitingAt()).toEqual(['handle']);
    expect(instance.variables).toEqual({ reason: 'angry customer' });
    instance.complete('handle');
    expect(instance.status).toBe('completed');
    expect(instance.state).toMatchObject({ tokens: [], scopes: {} });
  });

  it('given a non-interrupting timer cycle, when it fires, then a reminder runs beside the task each time and the instance completes only when both are done', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess(timer('timeCycle', 'R/P3D'), false, 'reminder', 'remind')), {
      now: '2026-03-01T10:00:00.000Z',
    });
    const instance = scenario.start();
    expect(instance.timer('reminderStart').dueAt).toBe('2026-03-04T10:00:00.000Z');

    instance.fireTimer('reminderStart');

    expect(instance.waitingAt()).toEqual(['call', 'remind', 'reminderStart']);
    expect(instance.timer('reminderStart').dueAt).toBe('2026-03-07T10:00:00.000Z');
    instance.complete('call');
    expect(instance.status).toBe('active');
    instance.complete('remind');
    expect(instance.status).toBe('completed');
    expect(instance.lastEffects).toContainEqual(expect.objectContaining({ type: 'TimerCancelled', elementId: 'reminderStart' }));
  });

  it('given a listening event subprocess, when the main flow ends first, then its subscription closes and the instance completes', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess('<bpmn:signalEventDefinition signalRef="sigStop"/>')));
    const instance = scenario.start();
    const subscriptionId = instance.subscription('espStart').subscriptionId;

    instance.complete('call');

    expect(instance.lastEffects).toContainEqual({ type: 'SignalSubscriptionClosed', subscriptionId, elementId: 'espStart' });
    expect(instance.status).toBe('completed');
  });

  it('given a non-interrupting message event subprocess, when messages arrive, then each starts a handler and the subscription is renewed under a new id', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess('<bpmn:messageEventDefinition messageRef="msgNote"/>', false, 'noted', 'file')));
    const instance = scenario.start();
    const first = instance.subscription('notedStart').subscriptionId;

    instance.correlate(first).correlate('notedStart');

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['call', 'file', 'file']);
    expect(instance.subscription('notedStart').subscriptionId).not.toBe(first);
  });

  it('given an event subprocess inside an embedded subprocess, when triggered, then it interrupts only that subprocess, which then completes and leaves', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:subProcess id="negotiate">
            <bpmn:startEvent id="ns"/><bpmn:userTask id="offer"/><bpmn:endEvent id="ne"/>
            ${flow('n1', 'ns', 'offer')}${flow('n2', 'offer', 'ne')}
            ${eventSubProcess('<bpmn:signalEventDefinition signalRef="sigStop"/>')}
          </bpmn:subProcess>
          <bpmn:userTask id="after"/>
          <bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'negotiate')}${flow('f2', 'negotiate', 'after')}${flow('f3', 'after', 'end')}`),
      ),
    );
    const instance = scenario.start();
    expect(instance.waitingAt()).toEqual(['offer', 'espStart']);

    instance.signal('campaignStopped');
    expect(instance.waitingAt()).toEqual(['handle']);
    instance.complete('handle');

    expect(instance.waitingAt()).toEqual(['after']);
    expect(instance.lastEffects).toContainEqual({ type: 'ElementLeft', elementId: 'negotiate', elementType: 'bpmn:SubProcess' });
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given an event subprocess inside an embedded subprocess, when the subprocess completes first, then the listener goes with it', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:subProcess id="negotiate">
            <bpmn:startEvent id="ns"/><bpmn:userTask id="offer"/><bpmn:endEvent id="ne"/>
            ${flow('n1', 'ns', 'offer')}${flow('n2', 'offer', 'ne')}
            ${eventSubProcess(timer('timeDuration', 'P1D'))}
          </bpmn:subProcess>
          <bpmn:userTask id="after"/>
          <bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'negotiate')}${flow('f2', 'negotiate', 'after')}${flow('f3', 'after', 'end')}`),
      ),
    );
    const instance = scenario.start();

    instance.complete('offer');

    expect(instance.lastEffects).toContainEqual(expect.objectContaining({ type: 'TimerCancelled', elementId: 'espStart' }));
    expect(instance.waitingAt()).toEqual(['after']);
  });

  it('given an event subprocess in a multi-instance subprocess, when one inner instance is triggered, then only that one is interrupted', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:subProcess id="perContact">
            <bpmn:multiInstanceLoopCharacteristics stageflow:collection="= contacts" stageflow:elementVariable="contact"/>
            <bpmn:startEvent id="ns"/><bpmn:userTask id="offer"/><bpmn:endEvent id="ne"/>
            ${flow('n1', 'ns', 'offer')}${flow('n2', 'offer', 'ne')}
            ${eventSubProcess('<bpmn:messageEventDefinition messageRef="msgEscalate"/>')}
          </bpmn:subProcess>
          <bpmn:userTask id="after"/>
          <bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'perContact')}${flow('f2', 'perContact', 'after')}${flow('f3', 'after', 'end')}`),
      ),
    );
    const instance = scenario.start({ variables: { contacts: ['a', 'b'] } });
    const [first, second] = instance.subscriptions();

    instance.correlate(second!.subscriptionId);

    expect(instance.openTasks().map((task) => [task.elementId, task.variables.contact])).toEqual([
      ['offer', 'a'],
      ['handle', 'b'],
    ]);
    instance.complete('handle').complete('offer');
    expect(instance.lastEffects).toContainEqual({ type: 'MessageSubscriptionClosed', subscriptionId: first!.subscriptionId, elementId: 'espStart' });
    expect(instance.waitingAt()).toEqual(['after']);
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given an error event subprocess, when an error end event throws its code, then the scope is interrupted and the handler runs', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:parallelGateway id="fork"/>
          <bpmn:userTask id="call"/><bpmn:userTask id="qualify"/>
          <bpmn:endEvent id="end"/>
          <bpmn:endEvent id="lost"><bpmn:errorEventDefinition errorRef="errLost"/></bpmn:endEvent>
          ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'call')}${flow('f3', 'fork', 'qualify')}${flow('f4', 'call', 'end')}${flow('f5', 'qualify', 'lost')}
          ${eventSubProcess('<bpmn:errorEventDefinition errorRef="errOther"/>', true, 'other', 'never')}
          ${eventSubProcess('<bpmn:errorEventDefinition errorRef="errLost"/>')}`),
      ),
    );
    const instance = scenario.start();
    const call = instance.task('call');

    instance.complete('qualify');

    expect(instance.lastEffects).toContainEqual({ type: 'TaskCancelled', taskId: call.taskId, elementId: 'call' });
    expect(instance.effectsOf('ErrorUncaught')).toEqual([]);
    expect(instance.waitingAt()).toEqual(['handle']);
    instance.complete('handle');
    expect(instance.status).toBe('completed');
  });

  it('given a catch-all error event subprocess, when a called process fails, then it handles the error; a boundary on the call activity comes first', async () => {
    const credit = (boundary: string) =>
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:callActivity id="credit" calledElement="creditCheck"/>
          <bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'credit')}${flow('f2', 'credit', 'end')}
          ${boundary}
          ${eventSubProcess('<bpmn:errorEventDefinition/>')}`),
      );
    const fail = (instance: ReturnType<Scenario['start']>) =>
      instance.send({ type: 'failCalledProcess', callId: instance.lastOf('CalledProcessStarted', 'credit').callId, errorCode: 'ANY' });

    const plain = fail((await Scenario.deploy(credit(''))).start());
    const guarded = fail(
      (
        await Scenario.deploy(
          credit(`<bpmn:boundaryEvent id="b" attachedToRef="credit"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
            <bpmn:userTask id="viaBoundary"/><bpmn:endEvent id="end2"/>${flow('f3', 'b', 'viaBoundary')}${flow('f4', 'viaBoundary', 'end2')}`),
        )
      ).start(),
    );

    expect(plain.waitingAt()).toEqual(['handle']);
    expect(guarded.waitingAt()).toEqual(['viaBoundary']);
  });

  it('given an error event subprocess whose handler throws the same error, when it does, then it does not catch itself: the error is uncaught', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:endEvent id="lost"><bpmn:errorEventDefinition errorRef="errLost"/></bpmn:endEvent>
          ${flow('f1', 'start', 'lost')}
          <bpmn:subProcess id="esp" triggeredByEvent="true">
            <bpmn:startEvent id="espStart"><bpmn:errorEventDefinition errorRef="errLost"/></bpmn:startEvent>
            <bpmn:endEvent id="again"><bpmn:errorEventDefinition errorRef="errLost"/></bpmn:endEvent>
            ${flow('e1', 'espStart', 'again')}
          </bpmn:subProcess>`),
      ),
    );

    const instance = scenario.start();

    expect(instance.entered()).toEqual(['start', 'lost', 'esp', 'espStart', 'again']);
    expect(instance.effectsOf('ErrorUncaught')).toEqual([{ type: 'ErrorUncaught', elementId: 'again', errorCode: 'LOST' }]);
    expect(instance.status).toBe('incident');
  });

  it('given a non-interrupting one-shot timer, when it fires, then the handler runs once and nothing listens any more', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess(timer('timeDuration', 'PT4H'), false, 'nudge', 'remind')));
    const instance = scenario.start();

    instance.fireTimer('nudgeStart');

    expect(instance.waitingAt()).toEqual(['call', 'remind']);
    instance.complete('remind').complete('call');
    expect(instance.status).toBe('completed');
  });

  it('given a non-interrupting escalation event subprocess, when an escalation is thrown, then the handler runs and the thrower goes on', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:intermediateThrowEvent id="vip"><bpmn:escalationEventDefinition escalationRef="escVip"/></bpmn:intermediateThrowEvent>
          <bpmn:userTask id="call"/>
          <bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'vip')}${flow('f2', 'vip', 'call')}${flow('f3', 'call', 'end')}
          ${eventSubProcess('<bpmn:escalationEventDefinition escalationRef="escVip"/>', false)}`),
      ),
    );

    const instance = scenario.start();

    expect(
      instance
        .openTasks()
        .map((task) => task.elementId)
        .sort(),
    ).toEqual(['call', 'handle']);
  });

  it('given a listener whose timer cannot be evaluated, when the instance starts, then the listener has an incident; a retry after the fix listens', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess(timer('timeDuration', '= followUpAfter'), false)));
    const instance = scenario.start();
    expect(instance.status).toBe('incident');
    expect(instance.lastOf('IncidentRaised', 'esp').message).toContain("Event subprocess 'esp'");

    instance.complete('call', { followUpAfter: 'P2D' });
    expect(instance.status).toBe('incident');
    instance.retryIncident('esp');

    expect(instance.timer('espStart')).toBeDefined();
    expect(instance.status).toBe('active');
    // A listener never enters (or leaves) the event subprocess: only a triggered instance does.
    expect(instance.entered()).not.toContain('esp');
    instance.fireTimer('espStart');
    expect(instance.entered().filter((id) => id === 'esp')).toHaveLength(1);
  });

  it('given a listener in an incident, when the instance is terminated, then no ElementLeft is emitted for the element it never entered', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
          <bpmn:userTask id="call"/>
          ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'kill')}
          ${eventSubProcess(timer('timeDuration', '= followUpAfter'), false)}`),
      ),
    );
    const instance = scenario.start();
    expect(instance.status).toBe('incident');

    instance.complete('call');

    expect(instance.status).toBe('terminated');
    expect(instance.effectsOf('ElementLeft').map((effect) => effect.elementId)).not.toContain('esp');
    expect(instance.lastEffects).toContainEqual(expect.objectContaining({ type: 'IncidentResolved', elementId: 'esp' }));
  });

  it('given the instance is cancelled, when event subprocesses listen, then their subscriptions close', async () => {
    const scenario = await Scenario.deploy(lead(eventSubProcess('<bpmn:messageEventDefinition messageRef="msgEscalate"/>')));
    const instance = scenario.start();

    instance.cancel();

    expect(instance.lastEffects).toContainEqual(expect.objectContaining({ type: 'MessageSubscriptionClosed', elementId: 'espStart' }));
  });

  it.each([
    [
      '<bpmn:startEvent id="espStart"/>',
      'the start event of an event subprocess needs exactly one timer, message, signal, error or escalation event definition',
    ],
    [
      `<bpmn:startEvent id="espStart" isInterrupting="false"><bpmn:errorEventDefinition errorRef="errLost"/></bpmn:startEvent>`,
      'an error start event always interrupts its scope',
    ],
    [`<bpmn:startEvent id="espStart">${timer('timeCycle', 'R/P1D')}</bpmn:startEvent>`, 'an interrupting event subprocess timer fires once'],
  ])('given an event subprocess start %s, when deployed, then it is refused with the element id', async (start, message) => {
    const xml = lead(
      `<bpmn:subProcess id="esp" triggeredByEvent="true">${start}<bpmn:endEvent id="espEnd"/>${flow('e1', 'espStart', 'espEnd')}</bpmn:subProcess>`,
    );

    const result = await compileBpmn(xml);

    expect(!result.ok && result.problems).toContainEqual({ elementId: 'espStart', message: expect.stringContaining(message) });
  });

  it('given an event subprocess with sequence flows, when deployed, then it is refused', async () => {
    const xml = withRoots(
      bpmnProcess(`<bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>${flow('f1', 'start', 'esp')}${flow('f2', 'esp', 'end')}
        ${eventSubProcess('<bpmn:messageEventDefinition messageRef="msgEscalate"/>')}`),
    );

    const result = await compileBpmn(xml);

    expect(!result.ok && result.problems).toContainEqual({
      elementId: 'esp',
      message: "Event subprocess 'esp' must not have incoming or outgoing sequence flows",
    });
  });

  it('given an event subprocess with mappings, a loop or async, when deployed, then each is refused naming the event subprocess', async () => {
    const xml = lead(
      eventSubProcess('<bpmn:messageEventDefinition messageRef="msgEscalate"/>').replace(
        '<bpmn:subProcess id="esp" triggeredByEvent="true">',
        `<bpmn:subProcess id="esp" triggeredByEvent="true" stageflow:async="true">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= 1" target="n"/></stageflow:ioMapping></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics stageflow:collection="= [1]"/>`,
      ),
    );

    const result = await compileBpmn(xml);

    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        { elementId: 'esp', message: 'stageflow:async is only supported on activities (tasks, subprocesses, call activities), not on an event subprocess' },
        { elementId: 'esp', message: 'stageflow:ioMapping is only supported on activities, not on an event subprocess' },
        { elementId: 'esp', message: expect.stringContaining('not on an event subprocess') },
      ]),
    );
  });
});
