import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const offers = (withDefault: boolean) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:inclusiveGateway id="split" ${withDefault ? 'default="toNone"' : ''}/>
    <bpmn:userTask id="hardware"/>
    <bpmn:userTask id="software"/>
    <bpmn:userTask id="services"/>
    ${withDefault ? '<bpmn:userTask id="none"/>' : ''}
    <bpmn:inclusiveGateway id="join"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'split')}
    ${flow('toHw', 'split', 'hardware', '= list contains(products, "hw")')}
    ${flow('toSw', 'split', 'software', '= list contains(products, "sw")')}
    ${flow('toSv', 'split', 'services', '= list contains(products, "sv")')}
    ${withDefault ? flow('toNone', 'split', 'none') : ''}
    ${flow('j1', 'hardware', 'join')}
    ${flow('j2', 'software', 'join')}
    ${flow('j3', 'services', 'join')}
    ${withDefault ? flow('j4', 'none', 'join') : ''}
    ${flow('f2', 'join', 'end')}`);

describe('inclusive gateway', () => {
  it('given conditions, when the split is reached, then every flow with a true condition is taken', async () => {
    const scenario = await Scenario.deploy(offers(true));

    const instance = scenario.start({ variables: { products: ['hw', 'sv'] } });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['hardware', 'services']);
  });

  it('given no true condition, when there is a default flow, then only the default flow is taken', async () => {
    const scenario = await Scenario.deploy(offers(true));

    expect(
      scenario
        .start({ variables: { products: [] } })
        .openTasks()
        .map((task) => task.elementId),
    ).toEqual(['none']);
  });

  it('given no true condition and no default, when the split is reached, then an incident is raised', async () => {
    const scenario = await Scenario.deploy(offers(false));

    const instance = scenario.start({ variables: { products: [] } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'split' });
  });

  it('given two taken branches, when the first arrives at the join, then it waits only for the other taken branch', async () => {
    const scenario = await Scenario.deploy(offers(true));
    const instance = scenario.start({ variables: { products: ['hw', 'sw'] } });

    instance.complete('software');
    expect(instance.status).toBe('active');
    expect(instance.entered().filter((id) => id === 'end')).toEqual([]);

    instance.complete('hardware');
    expect(instance.status).toBe('completed');
    expect(instance.flowsTaken().filter((id) => id === 'f2')).toHaveLength(1);
    // Both arrivals entered the join and both leave it.
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(2);
  });

  it('given a branch that ends elsewhere, when its token leaves for an end event, then the waiting join fires', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:exclusiveGateway id="bDecides" default="bToJoin"/>
        <bpmn:endEvent id="dropOut"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:userTask id="after"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toA', 'split', 'a', '= true')}
        ${flow('toB', 'split', 'b', '= true')}
        ${flow('aToJoin', 'a', 'join')}
        ${flow('f2', 'b', 'bDecides')}
        ${flow('bOut', 'bDecides', 'dropOut', '= drop')}
        ${flow('bToJoin', 'bDecides', 'join')}
        ${flow('f3', 'join', 'after')}
        ${flow('f4', 'after', 'end')}`),
    );
    const instance = scenario.start();
    instance.complete('a');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['b']);

    instance.complete('b', { drop: true });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['after']);
  });

  it('given a token still upstream in a loop, when another token waits at the join, then the join waits for it', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:exclusiveGateway id="redo" default="bDone"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toA', 'split', 'a', '= true')}
        ${flow('toB', 'split', 'b', '= true')}
        ${flow('aToJoin', 'a', 'join')}
        ${flow('f2', 'b', 'redo')}
        ${flow('again', 'redo', 'b', '= again')}
        ${flow('bDone', 'redo', 'join')}
        ${flow('f3', 'join', 'end')}`),
    );
    const instance = scenario.start().complete('a');

    instance.complete('b', { again: true });
    expect(instance.status).toBe('active');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['b']);

    instance.complete('b', { again: false });
    expect(instance.status).toBe('completed');
  });
});

describe('inclusive gateway: split', () => {
  it('given no true condition and no default, when the split is reached, then the incident says so and the token stays at the split', async () => {
    const scenario = await Scenario.deploy(offers(false));

    const instance = scenario.start({ variables: { products: [] } });

    expect(instance.incidents()).toEqual([
      {
        type: 'IncidentRaised',
        incidentId: expect.any(String),
        elementId: 'split',
        message: "No outgoing flow of inclusive gateway 'split' has a true condition and there is no default flow",
      },
    ]);
    expect(instance.flowsTaken()).toEqual(['f1']);
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'split', wait: 'incident' }] });
  });

  it('given a condition that fails, when the split is reached, then an incident names the flow and no flow is taken, not even the default', async () => {
    const scenario = await Scenario.deploy(offers(true));

    const instance = scenario.start({ variables: {} });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toHaveLength(1);
    expect(instance.incidents()[0]?.message).toMatch(/Condition of flow 'toHw'/);
    expect(instance.flowsTaken()).toEqual(['f1']);
    expect(instance.openTasks()).toEqual([]);
  });

  it('given the default flow first in the order of the outgoing flows, when a condition is true, then only the flows with a true condition are taken', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split" default="toNone">
          <bpmn:outgoing>toNone</bpmn:outgoing>
          <bpmn:outgoing>toHw</bpmn:outgoing>
        </bpmn:inclusiveGateway>
        <bpmn:userTask id="none"/>
        <bpmn:userTask id="hardware"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toNone', 'split', 'none')}
        ${flow('toHw', 'split', 'hardware', '= list contains(products, "hw")')}
        ${flow('f2', 'none', 'end')}
        ${flow('f3', 'hardware', 'end')}`),
    );

    const instance = scenario.start({ variables: { products: ['hw'] } });

    expect(instance.flowsTaken()).toEqual(['f1', 'toHw']);
  });

  it('given a split with one incoming flow, when another token of the scope could still reach it, then it splits at once without waiting for that token', async () => {
    // fork -> a (waits) -> merge -> split, and fork -> merge -> split: the first token at the
    // split must not wait for the one at a, which would reach the split too.
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a"/>
        <bpmn:exclusiveGateway id="merge"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="offer"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('fa', 'fork', 'a')}
        ${flow('fm', 'fork', 'merge')}
        ${flow('am', 'a', 'merge')}
        ${flow('ms', 'merge', 'split')}
        ${flow('toOffer', 'split', 'offer', '= true')}
        ${flow('f2', 'offer', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['a', 'offer']);
    expect(instance.flowsTaken()).toContain('toOffer');
  });
});

describe('inclusive gateway: join', () => {
  it('given the first arrival finds the join ready, when it arrives, then the join fires at once, before the other tokens of the command move on', async () => {
    // The join's second incoming flow comes from a path not taken; the fork's other branch
    // passes a manual task to an end event and never reaches the join.
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:exclusiveGateway id="route" default="toFork"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:manualTask id="log"/>
        <bpmn:endEvent id="logged"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:userTask id="after"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'route')}
        ${flow('toFork', 'route', 'fork')}
        ${flow('direct', 'route', 'join', '= skip')}
        ${flow('fj', 'fork', 'join')}
        ${flow('fl', 'fork', 'log')}
        ${flow('f2', 'log', 'logged')}
        ${flow('f3', 'join', 'after')}
        ${flow('f4', 'after', 'end')}`),
    );

    const instance = scenario.start({ variables: { skip: false } });

    expect(instance.entered()).toEqual(['start', 'route', 'fork', 'join', 'log', 'after', 'logged']);
  });

  it('given a join that fired, when the token moves on, then it carries none of the join bookkeeping (no wait, no arrival flow)', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:serviceTask id="notify" stageflow:action="notify"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toA', 'split', 'a', '= true')}
        ${flow('toB', 'split', 'b', '= true')}
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

  it('given an arrival stopped by an incident at the join, when the other branch arrives, then the join fires without it (a token in an incident is no arrival), and the retried token passes the join on its own', async () => {
    // maxSteps 4: start, split, a (waits) and b; the arrival from b at the join is step 5 and
    // stops there with an incident, parked at the join without waiting for the join.
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:manualTask id="b"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toA', 'split', 'a', '= true')}
        ${flow('toB', 'split', 'b', '= true')}
        ${flow('ja', 'a', 'join')}
        ${flow('jb', 'b', 'join')}
        ${flow('f2', 'join', 'end')}`),
      { maxSteps: 4 },
    );
    const instance = scenario.start();
    expect(instance.incidents()).toMatchObject([{ elementId: 'join' }]);

    instance.complete('a');
    // Only the arrival from a left the join; the token in the incident still sits there.
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(1);
    expect(instance.status).toBe('incident');
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'join', wait: 'incident', via: 'jb' }] });

    instance.retryIncident('join');
    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(2);
  });

  it('given a join inside a parallel multi-instance subprocess, when each instance has one branch arrived, then no instance fires: arrivals count per instance', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="perReviewer">
          <bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers" stageflow:elementVariable="reviewer"/>
          <bpmn:startEvent id="innerStart"/>
          <bpmn:inclusiveGateway id="split"/>
          <bpmn:userTask id="a"/>
          <bpmn:userTask id="b"/>
          <bpmn:inclusiveGateway id="join"/>
          <bpmn:endEvent id="innerEnd"/>
          ${flow('i1', 'innerStart', 'split')}
          ${flow('toA', 'split', 'a', '= true')}
          ${flow('toB', 'split', 'b', '= true')}
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
    const [firstA] = tasks('a');
    const [, secondB] = tasks('b');

    instance.complete(firstA!.taskId).complete(secondB!.taskId);

    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(0);
    expect(instance.openTasks()).toHaveLength(2);

    for (const task of instance.openTasks()) instance.complete(task.taskId);
    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('ElementEntered').filter((effect) => effect.elementId === 'innerEnd')).toHaveLength(2);
  });
  it('given a join inside a parallel multi-instance subprocess, when the second instance fires while the first waits on the same flow, then each instance merges only its own arrivals', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="perReviewer">
          <bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers" stageflow:elementVariable="reviewer"/>
          <bpmn:startEvent id="innerStart"/>
          <bpmn:inclusiveGateway id="split"/>
          <bpmn:userTask id="a"/>
          <bpmn:userTask id="b"/>
          <bpmn:inclusiveGateway id="join"/>
          <bpmn:endEvent id="innerEnd"/>
          ${flow('i1', 'innerStart', 'split')}
          ${flow('toA', 'split', 'a', '= true')}
          ${flow('toB', 'split', 'b', '= true')}
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
    const [firstA, secondA] = tasks('a');
    const [firstB, secondB] = tasks('b');

    instance.complete(firstA!.taskId).complete(secondA!.taskId).complete(secondB!.taskId);
    expect(instance.effectsOf('ElementEntered').filter((effect) => effect.elementId === 'innerEnd')).toHaveLength(1);

    instance.complete(firstB!.taskId);
    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('ElementEntered').filter((effect) => effect.elementId === 'innerEnd')).toHaveLength(2);
  });
});
