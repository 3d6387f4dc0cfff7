import type { InstanceState, ProcessGraph } from '@stageflow/bpmn-runtime';
import { InterpreterAbortedError, InterpreterPool, type InterpretJob } from './interpreter-pool.js';

const slowLoadingWorker = new URL('./testing/slow-loading.worker.mjs', import.meta.url);
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
});
