// Boundary events on a multi-instance activity belong to the whole body, not to each inner
// instance (the body's token holds the catches; thrown errors skip inner tokens).
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const MI = '<bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers" stageflow:elementVariable="reviewer"/>';

const withBoundary = (activity: string, boundary: string, cancelActivity = true) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    ${activity}
    <bpmn:boundaryEvent id="b" attachedToRef="review" cancelActivity="${cancelActivity}">${boundary}</bpmn:boundaryEvent>
    <bpmn:userTask id="next"/><bpmn:userTask id="escalate"/>
    <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
    ${flow('f1', 'start', 'review')}${flow('f2', 'review', 'next')}${flow('f3', 'next', 'e1')}
    ${flow('f4', 'b', 'escalate')}${flow('f5', 'escalate', 'e2')}`).replace(
    '</bpmn:definitions>',
    '<bpmn:error id="veto" errorCode="VETO"/></bpmn:definitions>',
  );

const TIMER = '<bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>';

describe('multi-instance with boundary events', () => {
  it('given a timer boundary on a parallel multi-instance task, when reached, then one timer is scheduled for the whole body', async () => {
    const scenario = await Scenario.deploy(withBoundary(`<bpmn:userTask id="review" stageflow:assignee="= reviewer">${MI}</bpmn:userTask>`, TIMER));

    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob', 'cy'] } });

    expect(instance.openTasks()).toHaveLength(3);
    expect(instance.timers().map((timer) => timer.elementId)).toEqual(['b']);
  });

  it('given an interrupting timer boundary on the body, when it fires, then every inner task is cancelled and the body leaves by the boundary', async () => {
    const scenario = await Scenario.deploy(withBoundary(`<bpmn:userTask id="review" stageflow:assignee="= reviewer">${MI}</bpmn:userTask>`, TIMER));
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob', 'cy'] } });
    instance.complete(instance.openTasks()[1]!.taskId);

    instance.fireTimer('b');

    expect(instance.lastEffects.filter((effect) => effect.type === 'TaskCancelled')).toHaveLength(2);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['escalate']);
    expect(instance.state).toMatchObject({ scopes: {}, tokens: [{ nodeId: 'escalate' }] });
  });

  it('given the body completes before the timer, when it leaves, then the body timer is cancelled once', async () => {
    const scenario = await Scenario.deploy(withBoundary(`<bpmn:userTask id="review">${MI}</bpmn:userTask>`, TIMER));
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });

    for (const task of instance.openTasks()) instance.complete(task.taskId);

    expect(instance.effectsOf('TimerCancelled').map((effect) => effect.elementId)).toEqual(['b']);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['next']);
  });

  it('given a non-interrupting timer on the body, when it fires, then the inner instances keep running', async () => {
    const scenario = await Scenario.deploy(withBoundary(`<bpmn:userTask id="review">${MI}</bpmn:userTask>`, TIMER, false));
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });

    instance.fireTimer('b');

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['review', 'review', 'escalate']);
  });

  it('given an error boundary on a multi-instance call activity, when one child fails with that error, then the whole body is interrupted', async () => {
    const scenario = await Scenario.deploy(
      withBoundary(`<bpmn:callActivity id="review" calledElement="approval">${MI}</bpmn:callActivity>`, '<bpmn:errorEventDefinition errorRef="veto"/>'),
    );
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });
    const [first, second] = instance.effectsOf('CalledProcessStarted');

    instance.send({ type: 'failCalledProcess', callId: second!.callId, errorCode: 'VETO' });

    expect(
      instance
        .effectsOf('CalledProcessCancelled')
        .map((effect) => effect.callId)
        .sort(),
    ).toEqual([first!.callId, second!.callId].sort());
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['escalate']);
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given an error thrown inside one inner subprocess instance, when the body has an error boundary, then the body is interrupted', async () => {
    const scenario = await Scenario.deploy(
      withBoundary(
        `<bpmn:subProcess id="review">${MI}
          <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="x" default="ok"/><bpmn:userTask id="work"/>
          <bpmn:endEvent id="se"/><bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="veto"/></bpmn:endEvent>
          ${flow('s1', 's', 'x')}${flow('bad', 'x', 'boom', '= reviewer = "bob"')}${flow('ok', 'x', 'work')}${flow('s2', 'work', 'se')}
        </bpmn:subProcess>`,
        '<bpmn:errorEventDefinition errorRef="veto"/>',
      ),
    );

    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });

    expect(instance.effectsOf('TaskCancelled').map((effect) => effect.elementId)).toEqual(['work']);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['escalate']);
    expect(instance.state).toMatchObject({ scopes: {} });
  });
});
