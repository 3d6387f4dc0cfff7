import { CommandRejectedError } from '../contract/interpret.js';
import type { InstanceState } from '../contract/state.js';
import { compileBpmn } from '../model/compile-bpmn.js';
import type { CompiledProcess } from '../model/process-graph.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';
import { interpret } from './interpret.js';

const LEAD = bpmnProcess(`
  <bpmn:startEvent id="start"/>
  <bpmn:exclusiveGateway id="xor" default="toLow"/>
  <bpmn:userTask id="qualify" stageflow:assignee="= owner" stageflow:dueDate="P2D"/>
  <bpmn:userTask id="nurture"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'xor')}
  ${flow('toHigh', 'xor', 'qualify', '= budget > 1000')}
  ${flow('toLow', 'xor', 'nurture')}
  ${flow('f2', 'qualify', 'end')}
  ${flow('f3', 'nurture', 'end')}`);

async function graphOf(xml: string): Promise<CompiledProcess> {
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0] as CompiledProcess;
}

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

describe('interpret', () => {
  const now = '2024-01-01T00:00:00.000Z';

  it('given the same inputs, when run twice, then state and effects are identical (deterministic)', async () => {
    const graph = await graphOf(LEAD);
    const run = () => interpret(graph, undefined, { type: 'start', variables: { budget: 5000, owner: 'ann' } }, { now, newId: counter() });

    expect(run()).toEqual(run());
  });

  it('given a state, when a command runs, then the given state is not modified', async () => {
    const graph = await graphOf(LEAD);
    const started = interpret(graph, undefined, { type: 'start', variables: { budget: 5000, owner: 'ann' } }, { now, newId: counter() });
    const before = JSON.stringify(started.state);
    const taskId = (started.effects.find((effect) => effect.type === 'TaskCreated') as { taskId: string }).taskId;

    const completed = interpret(graph, started.state, { type: 'completeTask', taskId, variables: { won: true } }, { now, newId: counter('x') });

    expect(JSON.stringify(started.state)).toBe(before);
    expect(completed.state.status).toBe('completed');
  });

  it('given a parked lead instance, when serialized, then the state stays under 2 KB even with UUID ids', async () => {
    const graph = await graphOf(LEAD);
    const uuid = () => '0f978ff3-fae0-4657-b991-ff023f372ffd';
    const variables = { budget: 5000, owner: 'ann.smith', company: 'ACME Corporation', email: 'buyer@acme.example', source: 'web form' };

    const { state } = interpret(graph, undefined, { type: 'start', variables }, { now, newId: uuid });

    expect(JSON.stringify(state).length).toBeLessThan(2048);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('given a graph that made a JSON round trip, when interpreted, then it works the same', async () => {
    const graph = JSON.parse(JSON.stringify(await graphOf(LEAD))) as CompiledProcess;

    const { state } = interpret(graph, undefined, { type: 'start', variables: { budget: 1 } }, { now, newId: counter() });

    expect(state.status).toBe('active');
  });

  it('given commands that do not fit, when sent, then they are rejected with a code', async () => {
    const graph = await graphOf(LEAD);
    const started = interpret(graph, undefined, { type: 'start', variables: { budget: 1 } }, { now, newId: counter() });
    const cancelled = interpret(graph, started.state, { type: 'cancel' }, { now, newId: counter() });

    const reject = (state: InstanceState | undefined, command: Parameters<typeof interpret>[2]) => {
      try {
        interpret(graph, state, command, { now, newId: counter() });
      } catch (error) {
        expect(error).toBeInstanceOf(CommandRejectedError);
        return (error as CommandRejectedError).code;
      }
      return 'accepted';
    };

    expect(reject(started.state, { type: 'completeTask', taskId: 'unknown' })).toBe('TASK_NOT_FOUND');
    expect(reject(cancelled.state, { type: 'completeTask', taskId: 'id-2' })).toBe('INSTANCE_NOT_ACTIVE');
    expect(reject(cancelled.state, { type: 'cancel' })).toBe('INSTANCE_NOT_ACTIVE');
    expect(reject(undefined, { type: 'cancel' })).toBe('INSTANCE_NOT_ACTIVE');
    expect(reject(started.state, { type: 'start' })).toBe('INVALID_COMMAND');
    expect(reject(undefined, { type: 'start', variables: [] as unknown as Record<string, never> })).toBe('INVALID_COMMAND');
    expect(() => interpret({ id: 'p' }, undefined, { type: 'start' }, { now, newId: counter() })).toThrow(CommandRejectedError);
    const otherVersion = { ...graph, nodes: { ...graph.nodes, qualify: undefined, nurture: undefined } } as unknown as CompiledProcess;
    expect(() => interpret(otherVersion, started.state, { type: 'cancel' }, { now, newId: counter() })).toThrow(/does not belong to this version/);
  });

  it('given open tasks, when the instance is cancelled, then each open task is cancelled and the instance ends', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/><bpmn:parallelGateway id="fork"/><bpmn:userTask id="a"/><bpmn:userTask id="b"/>
        <bpmn:parallelGateway id="join"/><bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'a')}${flow('f3', 'fork', 'b')}${flow('f4', 'a', 'join')}${flow('f5', 'b', 'join')}${flow('f6', 'join', 'end')}`),
    );
    const instance = scenario.start();
    const [a, b] = instance.openTasks();

    instance.cancel();

    expect(instance.lastEffects).toEqual([
      { type: 'TaskCancelled', taskId: a!.taskId, elementId: 'a' },
      { type: 'TaskCancelled', taskId: b!.taskId, elementId: 'b' },
      { type: 'InstanceCancelled' },
    ]);
    expect(instance.status).toBe('terminated');
    expect(instance.state).toMatchObject({ tokens: [] });
  });

  it('given a loop without a wait state, when run, then it stops after maxSteps with an incident instead of hanging', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/><bpmn:manualTask id="spin"/><bpmn:exclusiveGateway id="again" default="out"/><bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'spin')}${flow('f2', 'spin', 'again')}${flow('back', 'again', 'spin', '= true')}${flow('out', 'again', 'end')}`),
      { maxSteps: 500 },
    );

    const instance = scenario.start();

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toEqual([
      {
        type: 'IncidentRaised',
        incidentId: expect.any(String),
        elementId: expect.stringMatching(/spin|again/),
        message: expect.stringContaining('Stopped after 500 steps'),
      },
    ]);
    expect(instance.effects.length).toBeLessThan(2000);
  });

  it('given the default step limit, when an endless loop runs, then it still ends quickly', async () => {
    const graph = await graphOf(
      bpmnProcess(`
        <bpmn:startEvent id="start"/><bpmn:exclusiveGateway id="a"/><bpmn:exclusiveGateway id="b"/>
        ${flow('f1', 'start', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'a')}`),
    );

    const { state } = interpret(graph, undefined, { type: 'start' }, { now, newId: counter() });

    expect(state.status).toBe('incident');
  });

  it('given a condition that gives null, when evaluated, then interpret returns an incident and never throws', async () => {
    const graph = await graphOf(LEAD);

    const { state, effects } = interpret(graph, undefined, { type: 'start', variables: { budget: null } }, { now, newId: counter() });

    expect(state.status).toBe('incident');
    expect(effects.at(-1)).toMatchObject({ type: 'IncidentRaised', elementId: 'xor' });
  });

  it('given an expression on which feelin itself throws, when evaluated, then it becomes an incident with the element id', async () => {
    const graph = await graphOf(LEAD.replace('= budget &gt; 1000', '= sum(items) &gt; flag'));

    const { state, effects } = interpret(graph, undefined, { type: 'start', variables: { items: [1], flag: false } }, { now, newId: counter() });

    expect(state.status).toBe('incident');
    expect(effects.at(-1)).toMatchObject({ type: 'IncidentRaised', elementId: 'xor', message: expect.stringContaining("Condition of flow 'toHigh'") });
  });

  it('given nested scopes, when a task completes with variables, then each updates the nearest scope that has it, else the instance', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="outer">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= 1" target="level"/></stageflow:ioMapping></bpmn:extensionElements>
          <bpmn:startEvent id="os"/>
          <bpmn:subProcess id="inner">
            <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= &quot;inner&quot;" target="note"/></stageflow:ioMapping></bpmn:extensionElements>
            <bpmn:startEvent id="is"/><bpmn:userTask id="work"/><bpmn:userTask id="check"/><bpmn:endEvent id="ie"/>
            ${flow('i1', 'is', 'work')}${flow('i2', 'work', 'check')}${flow('i3', 'check', 'ie')}
          </bpmn:subProcess>
          <bpmn:endEvent id="oe"/>
          ${flow('o1', 'os', 'inner')}${flow('o2', 'inner', 'oe')}
        </bpmn:subProcess>
        <bpmn:userTask id="after"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'outer')}${flow('f2', 'outer', 'after')}${flow('f3', 'after', 'end')}`),
    );
    const instance = scenario.start({ variables: { total: 1 } });

    instance.complete('work', { level: 2, note: 'changed', total: 3, fresh: true });

    expect(instance.task('check').variables).toEqual({ total: 3, fresh: true, level: 2, note: 'changed' });
    expect(instance.variables).toEqual({ total: 3, fresh: true });

    instance.complete('check');
    expect(instance.task('after').variables).toEqual({ total: 3, fresh: true });
  });

  it('given params, when expressions read params, then package parameters are visible', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/><bpmn:userTask id="t" stageflow:candidateGroups="= params.queue"/><bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 't')}${flow('f2', 't', 'end')}`),
      { params: { queue: ['inside-sales'] } },
    );

    expect(scenario.start().task('t').candidateGroups).toEqual(['inside-sales']);
  });
});
