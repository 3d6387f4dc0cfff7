import { CommandRejectedError } from '../contract/interpret.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

// One token waits at an event-based gateway for a timer, a message and a signal; two more
// branches wait for a message named like that signal and for another signal.
const ROOTS = `<bpmn:message id="signed" name="offerSigned"/><bpmn:message id="stopMessage" name="campaignStopped"/>
  <bpmn:signal id="stop" name="campaignStopped"/><bpmn:signal id="pause" name="campaignPaused"/>`;
const WAITS = bpmnProcess(`
  <bpmn:startEvent id="start"/>
  <bpmn:parallelGateway id="fork"/>
  <bpmn:eventBasedGateway id="race"/>
  <bpmn:intermediateCatchEvent id="whenSigned"><bpmn:messageEventDefinition messageRef="signed"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="whenStopped"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="after3Days"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="stopNotice"><bpmn:messageEventDefinition messageRef="stopMessage"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="whenPaused"><bpmn:signalEventDefinition signalRef="pause"/></bpmn:intermediateCatchEvent>
  <bpmn:userTask id="won"/><bpmn:userTask id="stopped"/><bpmn:userTask id="paused"/><bpmn:userTask id="remind"/><bpmn:userTask id="noticed"/>
  <bpmn:endEvent id="end"/>
  ${flow('f0', 'start', 'fork')}${flow('toRace', 'fork', 'race')}${flow('toNotice', 'fork', 'stopNotice')}${flow('toPause', 'fork', 'whenPaused')}
  ${flow('toSigned', 'race', 'whenSigned')}${flow('toStop', 'race', 'whenStopped')}${flow('toTimer', 'race', 'after3Days')}
  ${flow('f2', 'whenSigned', 'won')}${flow('f3', 'whenStopped', 'stopped')}${flow('f4', 'whenPaused', 'paused')}${flow('f5', 'after3Days', 'remind')}${flow('f6', 'stopNotice', 'noticed')}
  ${flow('e1', 'won', 'end')}${flow('e2', 'stopped', 'end')}${flow('e3', 'paused', 'end')}${flow('e4', 'remind', 'end')}${flow('e5', 'noticed', 'end')}`).replace(
  '<bpmn:process',
  `${ROOTS}<bpmn:process`,
);

function rejection(send: () => unknown): CommandRejectedError {
  try {
    send();
  } catch (error) {
    if (error instanceof CommandRejectedError) return error;
    throw error;
  }
  throw new Error('The command was accepted');
}

// A subprocess interrupted by a signal that an event inside it waits for as well.
const INTERRUPTED = bpmnProcess(`
  <bpmn:startEvent id="start"/>
  <bpmn:subProcess id="campaign">
    <bpmn:startEvent id="innerStart"/>
    <bpmn:intermediateCatchEvent id="innerStop"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="innerAfter"/><bpmn:endEvent id="innerEnd"/>
    ${flow('i1', 'innerStart', 'innerStop')}${flow('i2', 'innerStop', 'innerAfter')}${flow('i3', 'innerAfter', 'innerEnd')}
  </bpmn:subProcess>
  <bpmn:boundaryEvent id="stopped" attachedToRef="campaign"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:boundaryEvent>
  <bpmn:userTask id="wrapUp"/><bpmn:userTask id="report"/><bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'campaign')}${flow('f2', 'campaign', 'report')}${flow('f3', 'stopped', 'wrapUp')}
  ${flow('f4', 'wrapUp', 'end')}${flow('f5', 'report', 'end')}`).replace('<bpmn:process', '<bpmn:signal id="stop" name="campaignStopped"/><bpmn:process');

describe('timer, message and signal commands', () => {
  it('given the id of a message subscription, when it is fired as a timer, then it is rejected as no such timer and nothing moves', async () => {
    const scenario = await Scenario.deploy(WAITS);
    const instance = scenario.start();
    const subscriptionId = instance.subscription('whenSigned').subscriptionId;
    const before = JSON.stringify(instance.state);

    const error = rejection(() => instance.send({ type: 'fireTimer', timerId: subscriptionId }));

    expect(error.code).toBe('TASK_NOT_FOUND');
    expect(error.message).toBe(`No timer '${subscriptionId}' is waiting in this instance`);
    expect(JSON.stringify(instance.state)).toBe(before);
  });

  it('given the id of a timer, when a message is correlated to it, then it is rejected as no such subscription and nothing moves', async () => {
    const scenario = await Scenario.deploy(WAITS);
    const instance = scenario.start();
    const timerId = instance.timer('after3Days').timerId;
    const before = JSON.stringify(instance.state);

    const error = rejection(() => instance.send({ type: 'correlateMessage', subscriptionId: timerId }));

    expect(error.code).toBe('TASK_NOT_FOUND');
    expect(error.message).toBe(`No message subscription '${timerId}' is open in this instance`);
    expect(JSON.stringify(instance.state)).toBe(before);
  });

  it('given an unknown timer id, when fired, then it is rejected as no such timer', async () => {
    const scenario = await Scenario.deploy(WAITS);
    const instance = scenario.start();

    const error = rejection(() => instance.send({ type: 'fireTimer', timerId: 'nope' }));

    expect(error.code).toBe('TASK_NOT_FOUND');
    expect(error.message).toBe("No timer 'nope' is waiting in this instance");
  });

  it('given a signal nobody waits for, when delivered, then it is rejected naming the signal', async () => {
    const scenario = await Scenario.deploy(WAITS);
    const instance = scenario.start();

    const error = rejection(() => instance.signal('quarterClosed'));

    expect(error.code).toBe('TASK_NOT_FOUND');
    expect(error.message).toBe("No subscription to signal 'quarterClosed' is open in this instance");
  });

  it('given two signals and a message named like one of them, when that signal is delivered, then only its own catch fires', async () => {
    const scenario = await Scenario.deploy(WAITS);
    const instance = scenario.start();

    instance.signal('campaignStopped', { reason: 'budget' });

    expect(instance.waitingAt()).toEqual(['stopped', 'stopNotice', 'whenPaused']);
    expect(instance.variables).toEqual({ reason: 'budget' });
  });

  it('given a signal caught by an interrupting boundary and by an event inside the activity, when delivered, then only the boundary fires: the inner catch went with its token', async () => {
    const scenario = await Scenario.deploy(INTERRUPTED);
    const instance = scenario.start();
    expect(instance.waitingAt()).toEqual(['stopped', 'innerStop']);

    instance.signal('campaignStopped');

    expect(instance.waitingAt()).toEqual(['wrapUp']);
    expect(instance.flowsTaken()).toEqual(['f1', 'i1', 'f3']);
  });
});
