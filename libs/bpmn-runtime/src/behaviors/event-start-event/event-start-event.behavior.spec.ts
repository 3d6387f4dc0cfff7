import { CommandRejectedError } from '../../contract/interpret.js';
import { compileBpmn } from '../../model/compile-bpmn.js';
import { startTriggers } from '../../model/start-triggers.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS = '<bpmn:message id="m" name="leadCreated"/><bpmn:signal id="s" name="quarterClosed"/>';
const STARTS = bpmnProcess(`
  <bpmn:startEvent id="manual"/>
  <bpmn:startEvent id="nightly"><bpmn:timerEventDefinition><bpmn:timeCycle>R/2026-01-01T02:00:00Z/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
  <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
  <bpmn:startEvent id="bySignal"><bpmn:signalEventDefinition signalRef="s"/></bpmn:startEvent>
  <bpmn:userTask id="review"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'manual', 'review')}${flow('f2', 'nightly', 'review')}${flow('f3', 'byMessage', 'review')}${flow('f4', 'bySignal', 'review')}
  ${flow('f5', 'review', 'end')}`).replace('<bpmn:process', `${ROOTS}<bpmn:process`);

describe('timer, message and signal start events', () => {
  it('given a process with several start events, when asked for its start triggers, then each is listed for the engine to register', async () => {
    const compiled = await compileBpmn(STARTS);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

    expect(startTriggers(compiled.processes[0]!)).toEqual([
      { kind: 'none', elementId: 'manual' },
      { kind: 'timer', elementId: 'nightly', timer: { kind: 'cycle', expression: 'R/2026-01-01T02:00:00Z/P1D' } },
      { kind: 'message', elementId: 'byMessage', messageName: 'leadCreated' },
      { kind: 'signal', elementId: 'bySignal', signalName: 'quarterClosed' },
    ]);
  });

  it('given a message start event, when the engine starts the instance there with the message variables, then the token begins at it', async () => {
    const scenario = await Scenario.deploy(STARTS);

    const instance = scenario.start({ startEventId: 'byMessage', variables: { email: 'a@b.example' } });

    expect(instance.entered()).toEqual(['byMessage', 'review']);
    expect(instance.variables).toEqual({ email: 'a@b.example' });
  });

  it('given no start event id, when started, then the none start event is used', async () => {
    const scenario = await Scenario.deploy(STARTS);

    expect(scenario.start().entered()).toEqual(['manual', 'review']);
  });

  it('given a process with only a timer start event, when started without a start event id, then it is rejected; with it, it starts', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="nightly"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:endEvent id="end"/>${flow('f1', 'nightly', 'end')}`),
    );

    expect(() => scenario.start()).toThrow(/no none start event/);
    expect(scenario.start({ startEventId: 'nightly' }).status).toBe('completed');
  });

  it('given a start event id that is not a start event of the process, when started, then it is rejected', async () => {
    const scenario = await Scenario.deploy(STARTS);

    expect(() => scenario.start({ startEventId: 'review' })).toThrow(CommandRejectedError);
  });
});
