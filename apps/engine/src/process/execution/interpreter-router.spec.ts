import { bpmnProcess, compileBpmn, sequenceFlowXml as flow, type InterpretResult, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { InterpreterAbortedError, InterpreterRejectedError, type InterpretJob } from './interpreter-pool.js';
import { InterpreterRouter, type InterpreterWorkers } from './interpreter-router.js';

/** The workers' answer: nothing like what the interpreter gives, so a spec sees who ran the command. */
const FROM_WORKER: InterpretResult = { state: { status: 'active', variables: { ranOn: 'worker' } } as unknown as InterpretResult['state'], effects: [] };

function fakeWorkers(): InterpreterWorkers & { jobs: InterpretJob[] } {
  const jobs: InterpretJob[] = [];
  return {
    jobs,
    run: (job) => {
      jobs.push(job);
      return Promise.resolve(FROM_WORKER);
    },
  };
}

/** start -> gateway -(condition)-> manual tasks (`passes` of them) -> user task "qualify"; the default -> end. */
async function graphWith(condition: string, passes = 0): Promise<ProcessGraph> {
  const manual = Array.from({ length: passes }, (_, i) => `<bpmn:manualTask id="m${i}"/>`).join('');
  const chain = ['gw', ...Array.from({ length: passes }, (_, i) => `m${i}`), 'qualify'];
  const flows = chain
    .slice(1)
    .map((target, i) => flow(`c${i}`, chain[i]!, target, i === 0 ? condition : undefined))
    .join('');
  const result = await compileBpmn(
    bpmnProcess(`
      <bpmn:startEvent id="start"/><bpmn:exclusiveGateway id="gw" default="skip"/>${manual}
      <bpmn:userTask id="qualify"/><bpmn:endEvent id="end"/><bpmn:endEvent id="skipped"/>
      ${flow('f1', 'start', 'gw')}${flows}${flow('skip', 'gw', 'skipped')}${flow('f2', 'qualify', 'end')}`),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0]!;
}

const start = (definitionId: string, graph: ProcessGraph): InterpretJob => ({
  definitionId,
  graph,
  command: { type: 'start', variables: { budget: 5000 } },
  now: '2026-11-30T00:00:00Z',
});

describe('InterpreterRouter', () => {
  it('given a process with only bounded FEEL, when started, then it is interpreted here and no worker is asked', async () => {
    const workers = fakeWorkers();
    const router = new InterpreterRouter(workers, { inline: true, maxSteps: 100 });

    const result = await router.run(start('d1', await graphWith('= budget > 1000')));

    expect(workers.jobs).toEqual([]);
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'TaskCreated', elementId: 'qualify' }));
  });

  it('given a process with an unbounded expression, when started, then a worker runs it', async () => {
    const workers = fakeWorkers();
    const router = new InterpreterRouter(workers, { inline: true, maxSteps: 100 });
    const job = start('d2', await graphWith('= matches(name, "(a+)+$")'));

    await expect(router.run(job)).resolves.toBe(FROM_WORKER);
    expect(workers.jobs).toEqual([job]);
  });

  it('given inline interpretation turned off, when a bounded process starts, then a worker runs it', async () => {
    const workers = fakeWorkers();
    const router = new InterpreterRouter(workers, { inline: false, maxSteps: 100 });

    await expect(router.run(start('d1', await graphWith('= budget > 1000')))).resolves.toBe(FROM_WORKER);
    expect(workers.jobs).toHaveLength(1);
  });

  it('given rule sets for the command, when it runs, then a worker evaluates them', async () => {
    const workers = fakeWorkers();
    const router = new InterpreterRouter(workers, { inline: true, maxSteps: 100 });

    await router.run({ ...start('d1', await graphWith('= budget > 1000')), ruleSets: [] });

    expect(workers.jobs).toHaveLength(1);
  });

  it('given a command the interpreter refuses, when run here, then it fails as a worker reply would: InterpreterRejectedError', async () => {
    const router = new InterpreterRouter(fakeWorkers(), { inline: true, maxSteps: 100 });
    const graph = await graphWith('= budget > 1000');
    const { state } = await router.run(start('d1', graph));

    const completing = router.run({ definitionId: 'd1', graph, state, command: { type: 'completeTask', taskId: 'unknown' }, now: '2026-11-30T00:01:00Z' });

    await expect(completing).rejects.toBeInstanceOf(InterpreterRejectedError);
    await expect(completing).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(completing).rejects.not.toBeInstanceOf(InterpreterAbortedError);
  });

  it('given the step limit, when a command runs here past it, then the token stops with an incident as on a worker', async () => {
    const router = new InterpreterRouter(fakeWorkers(), { inline: true, maxSteps: 3 });

    const result = await router.run(start('d3', await graphWith('= budget > 1000', 5)));

    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'IncidentRaised', message: expect.stringContaining('Stopped after 3 steps') }));
  });
});
