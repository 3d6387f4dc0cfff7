import { compileBpmn } from './compile-bpmn.js';
import type { CompiledProcess } from './process-graph.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';

const ROOTS = `<bpmn:message id="m" name="offerSigned" stageflow:correlationKey="= offerId"/><bpmn:message id="noName"/>
  <bpmn:signal id="s" name="stop"/><bpmn:error id="err" errorCode="CREDIT_REJECTED"/><bpmn:escalation id="esc" escalationCode="LATE"/>`;
const withRoots = (xml: string) => xml.replace('<bpmn:process', `${ROOTS}<bpmn:process`);

/** start -> task (with `attached` boundary events) -> end, plus `extra` elements and flows. */
const around = (attached: string, extra = '') =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:userTask id="task"/>
      ${attached}
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}
      ${extra}`),
  );

async function problemsOf(xml: string) {
  const result = await compileBpmn(xml);
  return result.ok ? [] : result.problems;
}

async function graphOf(xml: string): Promise<CompiledProcess> {
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0] as CompiledProcess;
}

const timerBoundary = (id: string, tag: string, value: string, cancel = true) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="task" cancelActivity="${cancel}"><bpmn:timerEventDefinition><bpmn:${tag}>${value}</bpmn:${tag}></bpmn:timerEventDefinition></bpmn:boundaryEvent>
   <bpmn:endEvent id="${id}End"/>${flow(`${id}Flow`, id, `${id}End`)}`;

describe('compiling event elements', () => {
  it('given boundary events, when compiled, then the activity lists them in document order with their triggers', async () => {
    const graph = await graphOf(
      around(
        `${timerBoundary('sla', 'timeDuration', 'PT2H')}
        <bpmn:boundaryEvent id="signed" attachedToRef="task" cancelActivity="false"><bpmn:messageEventDefinition messageRef="m"/></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="failed" attachedToRef="task"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>`,
        `${flow('f3', 'signed', 'end')}${flow('f4', 'failed', 'end')}`,
      ),
    );

    expect(graph.nodes.task!.boundaries).toEqual(['sla', 'signed', 'failed']);
    expect(graph.nodes.sla).toMatchObject({
      kind: 'boundaryEvent',
      attachedTo: 'task',
      interrupting: true,
      event: { kind: 'timer', timer: { kind: 'duration', expression: 'PT2H' } },
    });
    expect(graph.nodes.signed).toMatchObject({ interrupting: false, event: { kind: 'message', name: 'offerSigned', correlationKey: '= offerId' } });
    expect(graph.nodes.failed).toMatchObject({ event: { kind: 'error', code: 'CREDIT_REJECTED' } });
  });

  it('given timer text that does not parse, when deployed, then it is refused naming the element', async () => {
    expect(await problemsOf(around(timerBoundary('sla', 'timeDuration', 'two hours')))).toEqual([
      { elementId: 'sla', message: expect.stringContaining("bpmn:timeDuration: 'two hours' is not an ISO 8601 duration") },
    ]);
    expect(await problemsOf(around(timerBoundary('sla', 'timeDate', '31/12/2026')))).toEqual([
      { elementId: 'sla', message: expect.stringContaining('is not an ISO 8601 date') },
    ]);
    expect(await problemsOf(around(timerBoundary('sla', 'timeDuration', '= duration(')))).toEqual([
      { elementId: 'sla', message: expect.stringContaining('invalid FEEL') },
    ]);
  });

  it('given a cycle that would fire thousands of times a second, when deployed, then it is refused', async () => {
    expect(await problemsOf(around(timerBoundary('remind', 'timeCycle', 'R/PT0.0001S', false)))).toEqual([
      { elementId: 'remind', message: expect.stringContaining('a cycle must not be shorter than 1 second') },
    ]);
  });

  it('given a cycle where a timer fires once, when deployed, then it is refused with the reason', async () => {
    expect(await problemsOf(around(timerBoundary('sla', 'timeCycle', 'R/PT1H')))).toEqual([
      { elementId: 'sla', message: expect.stringContaining('an interrupting boundary timer fires once') },
    ]);
    const catchCycle = withRoots(
      bpmnProcess(`<bpmn:startEvent id="start"/>
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"/>${flow('f1', 'start', 'wait')}${flow('f2', 'wait', 'end')}`),
    );
    expect(await problemsOf(catchCycle)).toEqual([{ elementId: 'wait', message: expect.stringContaining('fires once') }]);
  });

  it('given malformed boundary events, when deployed, then each is refused with its id and reason', async () => {
    const problems = await problemsOf(
      around(
        `<bpmn:boundaryEvent id="nonInterruptingError" attachedToRef="task" cancelActivity="false"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="onGateway" attachedToRef="gw"><bpmn:signalEventDefinition signalRef="s"/></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="nameless" attachedToRef="task"><bpmn:messageEventDefinition messageRef="noName"/></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="withIncoming" attachedToRef="task"><bpmn:signalEventDefinition signalRef="s"/></bpmn:boundaryEvent>
         <bpmn:exclusiveGateway id="gw"/>`,
        `${flow('f5', 'start', 'gw')}${flow('f6', 'gw', 'end')}${flow('f7', 'onGateway', 'end')}${flow('f8', 'nameless', 'end')}${flow('f9', 'withIncoming', 'end')}${flow('f10', 'gw', 'withIncoming')}`,
      ).replace('<bpmn:startEvent id="start"/>', '<bpmn:startEvent id="start"/>'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { elementId: 'nonInterruptingError', message: expect.stringContaining('an error boundary event always interrupts') },
        { elementId: 'onGateway', message: expect.stringContaining('boundary events attach to activities') },
        { elementId: 'nameless', message: expect.stringContaining("bpmn:message 'noName' needs a name") },
        { elementId: 'withIncoming', message: expect.stringContaining('must not have incoming sequence flows') },
      ]),
    );
  });

  it('given an event-based gateway leading to a task, when deployed, then it is refused', async () => {
    const problems = await problemsOf(
      withRoots(
        bpmnProcess(`<bpmn:startEvent id="start"/><bpmn:eventBasedGateway id="gw"/>
          <bpmn:intermediateCatchEvent id="signed"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
          <bpmn:userTask id="call"/><bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'gw')}${flow('f2', 'gw', 'signed')}${flow('f3', 'gw', 'call')}${flow('f4', 'signed', 'end')}${flow('f5', 'call', 'end')}`),
      ),
    );
    expect(problems).toEqual([{ elementId: 'gw', message: expect.stringContaining("leads to 'call' (bpmn:UserTask)") }]);
  });

  it('given a receive task with a boundary event after an event-based gateway, when deployed, then it is refused', async () => {
    const problems = await problemsOf(
      withRoots(
        bpmnProcess(`<bpmn:startEvent id="start"/><bpmn:eventBasedGateway id="gw"/>
          <bpmn:intermediateCatchEvent id="stopped"><bpmn:signalEventDefinition signalRef="s"/></bpmn:intermediateCatchEvent>
          <bpmn:receiveTask id="awaitSignature" messageRef="m"/>
          <bpmn:boundaryEvent id="late" attachedToRef="awaitSignature"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
          <bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'gw')}${flow('f2', 'gw', 'stopped')}${flow('f3', 'gw', 'awaitSignature')}${flow('f4', 'stopped', 'end')}${flow('f5', 'awaitSignature', 'end')}${flow('f6', 'late', 'end')}`),
      ),
    );
    expect(problems).toEqual([{ elementId: 'awaitSignature', message: expect.stringContaining('must not have boundary events') }]);
  });

  it('given triggered start events, when deployed, then processes accept them and embedded subprocesses refuse them', async () => {
    const problems = await problemsOf(
      withRoots(
        bpmnProcess(`<bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="s"/></bpmn:startEvent>
          <bpmn:subProcess id="sub"><bpmn:startEvent id="inner"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent><bpmn:endEvent id="e2"/>${flow('g1', 'inner', 'e2')}</bpmn:subProcess>
          <bpmn:endEvent id="end"/>${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'end')}`),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([{ elementId: 'inner', message: expect.stringContaining('an embedded subprocess starts at a none start event') }]),
    );
    expect(problems.some((problem) => problem.elementId === 'start')).toBe(false);
  });

  it('given error and escalation start events outside event subprocesses, when deployed, then they are refused', async () => {
    const problems = await problemsOf(
      withRoots(
        bpmnProcess(
          `<bpmn:startEvent id="start"><bpmn:errorEventDefinition errorRef="err"/></bpmn:startEvent><bpmn:endEvent id="end"/>${flow('f1', 'start', 'end')}`,
        ),
      ),
    );
    expect(problems).toContainEqual({ elementId: 'start', message: expect.stringContaining('only exist in event subprocesses') });
  });
});
