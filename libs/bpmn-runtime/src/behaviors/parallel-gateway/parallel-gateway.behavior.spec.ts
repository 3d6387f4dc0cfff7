import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('parallel gateway', () => {
  const forkJoin = bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:parallelGateway id="fork"/>
    <bpmn:userTask id="a"/>
    <bpmn:userTask id="b"/>
    <bpmn:userTask id="c"/>
    <bpmn:parallelGateway id="join"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'fork')}
    ${flow('fa', 'fork', 'a')}
    ${flow('fb', 'fork', 'b')}
    ${flow('fc', 'fork', 'c')}
    ${flow('ja', 'a', 'join')}
    ${flow('jb', 'b', 'join')}
    ${flow('jc', 'c', 'join')}
    ${flow('f2', 'join', 'end')}`);

  it('given a fork, when the token reaches it, then one token leaves by every outgoing flow', async () => {
    const scenario = await Scenario.deploy(forkJoin);

    const instance = scenario.start();

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['a', 'b', 'c']);
    expect(instance.flowsTaken()).toEqual(['f1', 'fa', 'fb', 'fc']);
  });

  it('given a join, when only some branches have arrived, then it waits; when the last arrives, then it fires once', async () => {
    const scenario = await Scenario.deploy(forkJoin);
    const instance = scenario.start();

    instance.complete('b').complete('a');
    expect(instance.status).toBe('active');
    expect(instance.state).toMatchObject({ tokens: expect.arrayContaining([expect.objectContaining({ nodeId: 'join', wait: 'join' })]) });
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(0);

    instance.complete('c');

    expect(instance.status).toBe('completed');
    expect(instance.flowsTaken().filter((id) => id === 'f2')).toHaveLength(1);
    expect(instance.effectsOf('ElementEntered').filter((effect) => effect.elementId === 'join')).toHaveLength(3);
  });

  it('given a join that fired, then every arrival has left it (no element stays listed as active)', async () => {
    const scenario = await Scenario.deploy(forkJoin);
    const instance = scenario.start();

    instance.complete('a').complete('b').complete('c');

    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(3);
  });

  it('given a join inside a loop where a token of the next round arrives early, when the join fires, then the early token waits for the next activation', async () => {
    // Two tokens reach the join by flow "jb" before one arrives by "ja": the join fires once
    // with one of them, the other waits; the loop brings a new token to "ja" for round two.
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a"/>
        <bpmn:manualTask id="b"/>
        <bpmn:parallelGateway id="join"/>
        <bpmn:userTask id="review"/>
        <bpmn:exclusiveGateway id="again" default="done"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('fa', 'fork', 'a')}
        ${flow('fb1', 'fork', 'b')}
        ${flow('fb2', 'fork', 'b')}
        ${flow('ja', 'a', 'join')}
        ${flow('jb', 'b', 'join')}
        ${flow('f2', 'join', 'review')}
        ${flow('f3', 'review', 'again')}
        ${flow('loop', 'again', 'a', '= repeat')}
        ${flow('done', 'again', 'end')}`),
    );
    const instance = scenario.start();
    expect(instance.state).toMatchObject({ tokens: expect.arrayContaining([expect.objectContaining({ nodeId: 'join', via: 'jb' })]) });

    instance.complete('a');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['review']);
    const waiting = (instance.state!.tokens as { nodeId: string }[]).filter((token) => token.nodeId === 'join');
    expect(waiting).toHaveLength(1);

    instance.complete('review', { repeat: true }).complete('a');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['review']);

    instance.complete('review', { repeat: false });
    expect(instance.status).toBe('completed');
  });

  it('given a gateway that joins and forks, when all branches arrive, then it forks again', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:parallelGateway id="joinFork"/>
        <bpmn:userTask id="c"/>
        <bpmn:userTask id="d"/>
        <bpmn:parallelGateway id="join"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'a')}
        ${flow('f3', 'fork', 'b')}
        ${flow('f4', 'a', 'joinFork')}
        ${flow('f5', 'b', 'joinFork')}
        ${flow('f6', 'joinFork', 'c')}
        ${flow('f7', 'joinFork', 'd')}
        ${flow('f8', 'c', 'join')}
        ${flow('f9', 'd', 'join')}
        ${flow('f10', 'join', 'end')}`),
    );

    const instance = scenario.start().complete('a').complete('b');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['c', 'd']);
    instance.complete('d').complete('c');
    expect(instance.status).toBe('completed');
  });
});

describe('parallel gateway: which arrivals a join counts', () => {
  it('given a join that fired, when the token moves on, then it carries none of the join bookkeeping (no wait, no arrival flow)', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:parallelGateway id="join"/>
        <bpmn:serviceTask id="notify" stageflow:action="notify"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('fa', 'fork', 'a')}
        ${flow('fb', 'fork', 'b')}
        ${flow('ja', 'a', 'join')}
        ${flow('jb', 'b', 'join')}
        ${flow('f2', 'join', 'notify')}
        ${flow('f3', 'notify', 'end')}`),
    );
    const instance = scenario.start().complete('a');

    instance.complete('b');

    expect(instance.state!.tokens).toEqual([
      { id: expect.any(String), nodeId: 'notify', scopeId: expect.any(String), wait: 'action', actionId: expect.any(String) },
    ]);
  });

  it('given a branch stopped by an incident in front of the join, when the other branch arrives, then the join waits until the incident is retried', async () => {
    // maxSteps 4: start, fork, a (waits) and b; the arrival from b at the join is step 5 and
    // stops there with an incident, parked at the join without waiting for the join.
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a"/>
        <bpmn:manualTask id="b"/>
        <bpmn:parallelGateway id="join"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('fa', 'fork', 'a')}
        ${flow('fb', 'fork', 'b')}
        ${flow('ja', 'a', 'join')}
        ${flow('jb', 'b', 'join')}
        ${flow('f2', 'join', 'end')}`),
      { maxSteps: 4 },
    );
    const instance = scenario.start();
    expect(instance.incidents()).toMatchObject([{ elementId: 'join' }]);

    instance.complete('a');
    expect(instance.status).toBe('incident');
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(0);

    instance.retryIncident('join');
    expect(instance.status).toBe('completed');
  });

  it('given a join inside a parallel multi-instance subprocess, when each instance has one branch arrived, then no instance fires: arrivals count per instance', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="perReviewer">
          <bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers" stageflow:elementVariable="reviewer"/>
          <bpmn:startEvent id="innerStart"/>
          <bpmn:parallelGateway id="fork"/>
          <bpmn:userTask id="a"/>
          <bpmn:userTask id="b"/>
          <bpmn:parallelGateway id="join"/>
          <bpmn:endEvent id="innerEnd"/>
          ${flow('i1', 'innerStart', 'fork')}
          ${flow('fa', 'fork', 'a')}
          ${flow('fb', 'fork', 'b')}
          ${flow('ja', 'a', 'join')}
          ${flow('jb', 'b', 'join')}
          ${flow('i2', 'join', 'innerEnd')}
        </bpmn:subProcess>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'perReviewer')}
        ${flow('f2', 'perReviewer', 'end')}`),
    );
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });
    const tasks = (elementId: string) => instance.openTasks().filter((task) => task.elementId === elementId);
    expect(tasks('a')).toHaveLength(2);
    const [firstA] = tasks('a');
    const [, secondB] = tasks('b');

    instance.complete(firstA!.taskId).complete(secondB!.taskId);

    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(0);
    expect(instance.openTasks()).toHaveLength(2);

    for (const task of instance.openTasks()) instance.complete(task.taskId);
    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('ElementEntered').filter((effect) => effect.elementId === 'innerEnd')).toHaveLength(2);
  });
});
