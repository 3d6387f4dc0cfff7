import { CommandRejectedError } from '../contract/interpret.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

// A none start event, a message start event and, inside a subprocess, a start event that
// belongs to the subprocess's scope rather than to the process.
const STARTS = bpmnProcess(`
  <bpmn:startEvent id="manual"/>
  <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
  <bpmn:subProcess id="inner">
    <bpmn:startEvent id="innerStart"/><bpmn:userTask id="innerWork"/><bpmn:endEvent id="innerEnd"/>
    ${flow('i1', 'innerStart', 'innerWork')}${flow('i2', 'innerWork', 'innerEnd')}
  </bpmn:subProcess>
  <bpmn:userTask id="review"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'manual', 'inner')}${flow('f2', 'byMessage', 'review')}${flow('f3', 'inner', 'review')}${flow('f4', 'review', 'end')}`).replace(
  '<bpmn:process',
  '<bpmn:message id="m" name="leadCreated"/><bpmn:process',
);

function rejection(start: () => unknown): CommandRejectedError {
  try {
    start();
  } catch (error) {
    if (error instanceof CommandRejectedError) return error;
    throw error;
  }
  throw new Error('The start was accepted');
}

describe('the start event a start command begins at', () => {
  it('given the id of the none start event, when started with it, then the token begins there', async () => {
    const scenario = await Scenario.deploy(STARTS);

    expect(scenario.start({ startEventId: 'manual' }).entered()).toEqual(['manual', 'inner', 'innerStart', 'innerWork']);
  });

  it('given the id of a start event inside a subprocess, when started with it, then it is rejected as not a start event of the process', async () => {
    const scenario = await Scenario.deploy(STARTS);

    const error = rejection(() => scenario.start({ startEventId: 'innerStart' }));

    expect(error.code).toBe('INVALID_COMMAND');
    expect(error.message).toBe("'innerStart' is not a start event of process 'p'");
  });

  it('given an id that names no element, when started with it, then it is rejected, not a crash', async () => {
    const scenario = await Scenario.deploy(STARTS);

    const error = rejection(() => scenario.start({ startEventId: 'nope' }));

    expect(error.code).toBe('INVALID_COMMAND');
    expect(error.message).toBe("'nope' is not a start event of process 'p'");
  });

  it('given a process without a none start event, when started without an id, then it is rejected naming the process', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
        <bpmn:endEvent id="end"/>${flow('f1', 'byMessage', 'end')}`).replace('<bpmn:process', '<bpmn:message id="m" name="leadCreated"/><bpmn:process'),
    );

    const error = rejection(() => scenario.start());

    expect(error.code).toBe('INVALID_COMMAND');
    expect(error.message).toMatch(/^Process 'p' has no none start event/);
  });
});
