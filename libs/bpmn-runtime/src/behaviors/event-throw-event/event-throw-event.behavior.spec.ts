import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS = `<bpmn:message id="m" name="offerSent" stageflow:correlationKey="= offerId"/><bpmn:signal id="s" name="priceChanged"/>
  <bpmn:escalation id="late" escalationCode="LATE"/><bpmn:escalation id="other" escalationCode="OTHER"/>`;
const withRoots = (xml: string) => xml.replace('<bpmn:process', `${ROOTS}<bpmn:process`);

const throwing = (definition: string) =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:intermediateThrowEvent id="throw">${definition}</bpmn:intermediateThrowEvent>
      <bpmn:userTask id="next"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'throw')}${flow('f2', 'throw', 'next')}${flow('f3', 'next', 'end')}`),
  );

/** A subprocess whose inner path throws escalation `ref` then waits at a task, with `boundary` on the subprocess. */
const escalating = (boundary: string, ref = 'late') =>
  withRoots(
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:subProcess id="deal">
        <bpmn:startEvent id="s2"/>
        <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="${ref}"/></bpmn:intermediateThrowEvent>
        <bpmn:userTask id="negotiate"/>
        <bpmn:endEvent id="e2"/>
        ${flow('g1', 's2', 'raise')}${flow('g2', 'raise', 'negotiate')}${flow('g3', 'negotiate', 'e2')}
      </bpmn:subProcess>
      ${boundary}
      <bpmn:userTask id="informManager"/>
      <bpmn:endEvent id="end"/>
      <bpmn:endEvent id="end2"/>
      ${flow('f1', 'start', 'deal')}${flow('f2', 'deal', 'end')}${flow('f3', 'informManager', 'end2')}`),
  );

const escalationBoundary = (cancel: boolean, ref?: string) =>
  `<bpmn:boundaryEvent id="escalated" attachedToRef="deal" cancelActivity="${cancel}"><bpmn:escalationEventDefinition${ref ? ` escalationRef="${ref}"` : ''}/></bpmn:boundaryEvent>${flow('fb', 'escalated', 'informManager')}`;

describe('intermediate message, signal and escalation throw events', () => {
  it('given a message throw event, when passed, then MessageThrown carries the name, the evaluated key and the visible variables', async () => {
    const scenario = await Scenario.deploy(throwing('<bpmn:messageEventDefinition messageRef="m"/>'));

    const instance = scenario.start({ variables: { offerId: 77, amount: 1200 } });

    expect(instance.effectsOf('MessageThrown')).toEqual([
      { type: 'MessageThrown', elementId: 'throw', messageName: 'offerSent', correlationKey: '77', variables: { offerId: 77, amount: 1200 } },
    ]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['next']);
  });

  it('given a message throw whose correlation key fails, when reached, then it is an incident at the throw event', async () => {
    const scenario = await Scenario.deploy(throwing('<bpmn:messageEventDefinition messageRef="m"/>'));

    const instance = scenario.start();

    expect(instance.status).toBe('incident');
    expect(instance.effectsOf('MessageThrown')).toEqual([]);
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'throw' });
  });

  it('given a signal throw event, when passed, then SignalThrown is emitted for the engine to broadcast', async () => {
    const scenario = await Scenario.deploy(throwing('<bpmn:signalEventDefinition signalRef="s"/>'));

    const instance = scenario.start({ variables: { list: 'Q3' } });

    expect(instance.effectsOf('SignalThrown')).toEqual([{ type: 'SignalThrown', elementId: 'throw', signalName: 'priceChanged', variables: { list: 'Q3' } }]);
  });

  it('given a non-interrupting escalation boundary on the enclosing subprocess, when an escalation is thrown, then a token starts at the boundary and the thrower goes on', async () => {
    const scenario = await Scenario.deploy(escalating(escalationBoundary(false, 'late')));

    const instance = scenario.start();

    expect(
      instance
        .openTasks()
        .map((task) => task.elementId)
        .sort(),
    ).toEqual(['informManager', 'negotiate']);
  });

  it('given an interrupting catch-all escalation boundary, when an escalation is thrown, then the subprocess stops and the thrower with it', async () => {
    const scenario = await Scenario.deploy(escalating(escalationBoundary(true)));

    const instance = scenario.start();

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager']);
    expect(instance.entered()).not.toContain('negotiate');
  });

  it('given no boundary for the escalation code, when it is thrown, then the thrower goes on and EscalationUncaught reports it (for a parent call activity)', async () => {
    const scenario = await Scenario.deploy(escalating(escalationBoundary(false, 'late'), 'other'));

    const instance = scenario.start();

    expect(instance.status).toBe('active');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['negotiate']);
    expect(instance.effectsOf('EscalationUncaught')).toEqual([{ type: 'EscalationUncaught', elementId: 'raise', escalationCode: 'OTHER' }]);
  });

  it('given a boundary that catches the escalation, when it is thrown, then no EscalationUncaught is reported', async () => {
    const scenario = await Scenario.deploy(escalating(escalationBoundary(false, 'late')));

    expect(scenario.start().effectsOf('EscalationUncaught')).toEqual([]);
  });
});
