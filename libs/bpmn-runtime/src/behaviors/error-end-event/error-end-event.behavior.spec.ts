import { Execution } from '../../interpreter/execution.js';
import type { CompiledProcess } from '../../model/process-graph.js';
import { cloneState, type RuntimeState } from '../../state/instance-state.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';
import { throwError } from '../../throw/throw-error.js';

const ROOTS = '<bpmn:error id="rejected" errorCode="CREDIT_REJECTED"/><bpmn:error id="other" errorCode="OTHER"/><bpmn:error id="codeless"/>';
const withRoots = (xml: string) => xml.replace('<bpmn:process', `${ROOTS}<bpmn:process`);
const timer = (value: string) => `<bpmn:timerEventDefinition><bpmn:timeDuration>${value}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

/** A credit check subprocess that ends with error `code` (or normally) after a decision, with `boundaries` on it. */
const creditCheck = (boundaries: string, endRef = 'rejected') =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:subProcess id="check">
        <bpmn:startEvent id="s2"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="review"/>
        <bpmn:intermediateCatchEvent id="cooldown">${timer('P1D')}</bpmn:intermediateCatchEvent>
        <bpmn:exclusiveGateway id="ok" default="toFail"/>
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="${endRef}"/></bpmn:endEvent>
        <bpmn:endEvent id="done"/>
        <bpmn:endEvent id="e3"/>
        ${flow('g1', 's2', 'fork')}${flow('g2', 'fork', 'review')}${flow('g3', 'fork', 'cooldown')}${flow('g4', 'cooldown', 'e3')}
        ${flow('g5', 'review', 'ok')}${flow('toDone', 'ok', 'done', '= approved')}${flow('toFail', 'ok', 'fail')}
      </bpmn:subProcess>
      ${boundaries}
      <bpmn:userTask id="offer"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'check')}${flow('f2', 'check', 'offer')}${flow('f3', 'offer', 'end')}`),
  );

const errorBoundary = (id: string, ref?: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="check"><bpmn:errorEventDefinition${ref ? ` errorRef="${ref}"` : ''}/></bpmn:boundaryEvent>
   <bpmn:userTask id="${id}Task"/><bpmn:endEvent id="${id}End"/>${flow(`${id}F1`, id, `${id}Task`)}${flow(`${id}F2`, `${id}Task`, `${id}End`)}`;

describe('error end event', () => {
  it('given an error boundary for the code on the enclosing subprocess, when the error end event is reached, then the subprocess is interrupted (inner timers cancelled) and the token continues at the boundary', async () => {
    const scenario = await Scenario.deploy(creditCheck(errorBoundary('onRejected', 'rejected')));
    const instance = scenario.start();
    const cooldown = instance.timer('cooldown');

    instance.complete('review', { approved: false });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['onRejectedTask']);
    expect(instance.lastEffects).toContainEqual({ type: 'TimerCancelled', timerId: cooldown.timerId, elementId: 'cooldown' });
    expect(instance.entered().slice(-3)).toEqual(['fail', 'onRejected', 'onRejectedTask']);
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given a boundary for the code and a catch-all on the same activity, when the error is thrown, then the one naming the code wins whatever the order', async () => {
    const scenario = await Scenario.deploy(creditCheck(`${errorBoundary('anyError')}${errorBoundary('onRejected', 'rejected')}`));
    const instance = scenario.start();

    instance.complete('review', { approved: false });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['onRejectedTask']);
  });

  it('given only a catch-all error boundary (no errorRef, or an error without code), when any error is thrown, then it catches it', async () => {
    for (const boundary of [errorBoundary('anyError'), errorBoundary('anyError', 'codeless')]) {
      const scenario = await Scenario.deploy(creditCheck(boundary, 'other'));
      const instance = scenario.start();

      instance.complete('review', { approved: false });

      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['anyErrorTask']);
    }
  });

  it('given an error in a nested subprocess and the boundary on the outer one, when thrown, then it propagates outwards and kills both levels', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:subProcess id="outer">
            <bpmn:startEvent id="s2"/>
            <bpmn:subProcess id="inner">
              <bpmn:startEvent id="s3"/>
              <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="rejected"/></bpmn:endEvent>
              ${flow('h1', 's3', 'fail')}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="wrongCode" attachedToRef="inner"><bpmn:errorEventDefinition errorRef="other"/></bpmn:boundaryEvent>
            <bpmn:userTask id="parallelWork"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:endEvent id="e2"/>
            <bpmn:endEvent id="e2b"/>
            ${flow('g1', 's2', 'fork')}${flow('g2', 'fork', 'inner')}${flow('g3', 'fork', 'parallelWork')}${flow('g4', 'inner', 'e2')}
            ${flow('g5', 'parallelWork', 'e2')}${flow('g6', 'wrongCode', 'e2b')}
          </bpmn:subProcess>
          <bpmn:boundaryEvent id="caught" attachedToRef="outer"><bpmn:errorEventDefinition errorRef="rejected"/></bpmn:boundaryEvent>
          <bpmn:endEvent id="end"/>
          <bpmn:endEvent id="handled"/>
          ${flow('f1', 'start', 'outer')}${flow('f2', 'outer', 'end')}${flow('f3', 'caught', 'handled')}`),
      ),
    );

    const instance = scenario.start();

    expect(instance.status).toBe('completed');
    expect(instance.entered().slice(-2)).toEqual(['caught', 'handled']);
    expect(instance.effectsOf('TaskCancelled').map((effect) => effect.elementId)).toEqual(['parallelWork']);
  });

  it('given no boundary catches the error, when it is thrown, then ErrorUncaught is emitted and the token waits in an incident at the end event', async () => {
    const scenario = await Scenario.deploy(creditCheck(errorBoundary('onOther', 'other')));
    const instance = scenario.start();

    instance.complete('review', { approved: false });

    expect(instance.status).toBe('incident');
    expect(instance.lastEffects).toEqual(
      expect.arrayContaining([
        { type: 'ErrorUncaught', elementId: 'fail', errorCode: 'CREDIT_REJECTED' },
        { type: 'IncidentRaised', incidentId: expect.any(String), elementId: 'fail', message: expect.stringContaining("BPMN error 'CREDIT_REJECTED'") },
      ]),
    );
    expect(instance.timers()).toHaveLength(1);
  });

  it('given the error is caught, when the error end event is reached, then its token leaves the end event before the boundary is entered', async () => {
    const scenario = await Scenario.deploy(creditCheck(errorBoundary('onRejected', 'rejected')));
    const instance = scenario.start();

    instance.complete('review', { approved: false });

    const left = instance.effectsOf('ElementLeft').map((effect) => effect.elementId);
    expect(left).toContain('fail');
    expect(instance.lastEffects).toContainEqual({ type: 'ElementLeft', elementId: 'fail', elementType: 'bpmn:EndEvent' });
  });
});

describe('throwError at an activity (call activities, actions with a business error code)', () => {
  it('given an error boundary on the activity itself, when an error is thrown at its token, then the activity is interrupted and continues at the boundary', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:userTask id="sendOffer"/>
          <bpmn:boundaryEvent id="bounced" attachedToRef="sendOffer"><bpmn:errorEventDefinition errorRef="rejected"/></bpmn:boundaryEvent>
          <bpmn:userTask id="fixAddress"/>
          <bpmn:endEvent id="end"/>
          <bpmn:endEvent id="end2"/>
          ${flow('f1', 'start', 'sendOffer')}${flow('f2', 'sendOffer', 'end')}${flow('f3', 'bounced', 'fixAddress')}${flow('f4', 'fixAddress', 'end2')}`),
      ),
    );
    const graph = scenario.process() as CompiledProcess;
    const started = scenario.start();
    let n = 0;
    const execution = new Execution(graph, cloneState(started.state as RuntimeState), () => `x-${++n}`, scenario.now, 100, { params: {} });
    const token = execution.state.tokens.find((candidate) => candidate.nodeId === 'sendOffer')!;

    const outcome = throwError(execution, token, 'CREDIT_REJECTED', 'mailbox full');
    execution.run();

    expect(outcome).toBe('caught');
    expect(execution.effects.map((effect) => effect.type)).toEqual([
      'TaskCancelled',
      'ElementLeft',
      'ElementEntered',
      'ElementLeft',
      'FlowTaken',
      'ElementEntered',
      'TaskCreated',
    ]);
    expect(execution.state.tokens.map((candidate) => candidate.nodeId)).toEqual(['fixAddress']);
  });
});
