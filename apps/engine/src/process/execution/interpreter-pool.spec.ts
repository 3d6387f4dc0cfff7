import type { InstanceState, ProcessGraph } from '@stageflow/bpmn-runtime';
import type { RuleSet } from '@stageflow/process-package';
import { InterpreterAbortedError, InterpreterPool, type InterpretJob } from './interpreter-pool.js';
import type { RuleSetVersion } from './rule-set-decider.js';

const slowLoadingWorker = new URL('./testing/slow-loading.worker.mjs', import.meta.url);
const ruleSetHoldingWorker = new URL('./testing/rule-set-holding.worker.mjs', import.meta.url);
/** The stand-in worker never reads the document: only whether one was sent. */
const version = (id: string): RuleSetVersion => ({ key: 'bant', id, version: Number(id.slice(1)), content: { key: 'bant' } as RuleSet });
const state = { status: 'active', variables: {} } as unknown as InstanceState;

function job(command: InterpretJob['command']): InterpretJob {
  return { definitionId: 'd1', graph: {} as ProcessGraph, state, command, now: '2026-11-30T00:00:00Z' };
}

describe('InterpreterPool', () => {
  let pool: InterpreterPool | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it('starts a command time limit only when its worker has loaded, so a cold worker is no false timeout', async () => {
    pool = new InterpreterPool({ size: 1, timeoutMs: 300, maxHeapMb: 64, maxSteps: 100, workerUrl: slowLoadingWorker });
    await expect(pool.run(job({ type: 'fireTimer', timerId: 't1' }))).resolves.toEqual({ state, effects: [] });
  });

  it('stops a command that overruns its limit on a loaded worker, and the next command runs on a fresh worker', async () => {
    pool = new InterpreterPool({ size: 1, timeoutMs: 300, maxHeapMb: 64, maxSteps: 100, workerUrl: slowLoadingWorker });
    await expect(pool.run(job({ type: 'cancel' }))).rejects.toEqual(expect.objectContaining({ name: InterpreterAbortedError.name, reason: 'timeout' }));
    await expect(pool.run(job({ type: 'fireTimer', timerId: 't2' }))).resolves.toEqual({ state, effects: [] });
  });

  it('sends a rule-set version with its document to a worker once, then by its id alone', async () => {
    pool = new InterpreterPool({ size: 1, timeoutMs: 5000, maxHeapMb: 64, maxSteps: 100, workerUrl: ruleSetHoldingWorker });

    const first = await pool.run({ ...job({ type: 'fireTimer', timerId: 't1' }), ruleSets: [version('v1')] });
    const second = await pool.run({ ...job({ type: 'fireTimer', timerId: 't2' }), ruleSets: [version('v1')] });

    expect(first.state.variables).toEqual({ withDocuments: ['v1'] });
    expect(second.state.variables).toEqual({ withDocuments: [] });
  });

  it('given a worker that no longer holds a version the pool sends by id, when it answers missing, then the command is sent again with the document and runs', async () => {
    pool = new InterpreterPool({ size: 1, timeoutMs: 5000, maxHeapMb: 64, maxSteps: 100, workerUrl: ruleSetHoldingWorker });
    await pool.run({ ...job({ type: 'fireTimer', timerId: 't1' }), ruleSets: [version('v1')] });
    // The stand-in holds one version: v2 evicts v1, which the pool still believes it holds.
    await pool.run({ ...job({ type: 'fireTimer', timerId: 't2' }), ruleSets: [version('v2')] });

    const again = await pool.run({ ...job({ type: 'fireTimer', timerId: 't3' }), ruleSets: [version('v1')] });

    expect(again.state.variables).toEqual({ withDocuments: ['v1'] });
  });
});
