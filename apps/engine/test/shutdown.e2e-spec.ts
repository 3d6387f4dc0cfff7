// The engine's shutdown with its embedded PostgreSQL, as `npm start` runs it: the built engine in
// a process group of its own (as a terminal starts a command), busy with jobs, then stopped by a
// Ctrl-C (SIGINT to the whole group) or a SIGTERM. The order is HTTP, job runner, database pools,
// PostgreSQL last: nothing may be logged between "shutting down" and "embedded PostgreSQL
// stopped" (before, the server stopped under the job pool: "connection lost" warnings), and the
// jobs that were running or pending are worked after a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postmasterPid } from '@stageflow/postgres-server';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { eventually } from './support/polling.js';

const ADMIN_PASSWORD = 'shutdown-spec-admin';
const KEY = 'asyncChain';
const INSTANCES = 40;

const CHAIN = ['start', 'step1', 'step2', 'step3', 'step4', 'step5', 'end'];

/** start -> five async manual tasks -> end: each instance is five jobs in a row. */
const ASYNC_CHAIN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${KEY}" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${CHAIN.slice(1, -1)
      .map((id) => `<bpmn:manualTask id="${id}" stageflow:async="true" />`)
      .join('\n    ')}
    <bpmn:endEvent id="end" />
    ${CHAIN.slice(1)
      .map((to, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${CHAIN[i]}" targetRef="${to}" />`)
      .join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`;

async function api(
  engine: EngineProcess,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${engine.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function login(engine: EngineProcess): Promise<string> {
  const response = await api(engine, null, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

/** What the engine printed from its "shutting down" line on. */
function afterShutdownStarted(output: string): string[] {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(lines.findIndex((line) => line.includes('shutting down')));
}

describe('engine shutdown with the embedded PostgreSQL', () => {
  let dataDir: string;
  let engine: EngineProcess | undefined;

  const boot = (): Promise<EngineProcess> =>
    startEngine({ adminPassword: ADMIN_PASSWORD, ownProcessGroup: true, env: { STAGEFLOW_DATA_DIR: dataDir, STAGEFLOW_JOB_CONCURRENCY: '4' } });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stageflow-shutdown-spec-'));
  });

  afterEach(async () => {
    await engine?.signal('SIGKILL', 'process');
    engine = undefined;
    // A failed test may leave the detached server behind.
    const pid = postmasterPid(join(dataDir, 'pg'));
    if (pid !== undefined) process.kill(pid, 'SIGINT');
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['SIGINT', 'group' as const],
    ['SIGTERM', 'process' as const],
  ])(
    'given jobs running, when the engine gets %s (sent to its %s), then it exits 0 with a clean log, stops its PostgreSQL, and the jobs are worked after a restart',
    async (signal, to) => {
      engine = await boot();
      const token = await login(engine);
      expect(
        (await api(engine, token, 'POST', '/deployments', { name: 'chain', resources: [{ name: 'chain.bpmn', content: ASYNC_CHAIN }] })).status,
      ).toBeLessThan(300);
      const started = await Promise.all(Array.from({ length: INSTANCES }, () => api(engine!, token, 'POST', `/process-definitions/key/${KEY}/start`, {})));
      expect(started.map((response) => response.status)).toEqual(Array(INSTANCES).fill(201));

      const code = await engine.signal(signal as NodeJS.Signals, to);

      const output = engine.output();
      expect({ code, log: afterShutdownStarted(output) }).toEqual({
        code: 0,
        log: [`[stageflow] ${signal}: shutting down`, '[stageflow] embedded PostgreSQL stopped'],
      });
      expect(postmasterPid(join(dataDir, 'pg'))).toBeUndefined();

      engine = await boot();
      const again = await login(engine);
      await eventually(async () => {
        const active = await api(engine!, again, 'GET', `/process-instances?definitionKey=${KEY}&state=active`);
        return active.body.total === 0 ? true : undefined;
      }, 'every instance to complete after the restart');
      const completed = await api(engine, again, 'GET', `/process-instances?definitionKey=${KEY}&state=completed`);
      expect(completed.body.total).toBeGreaterThanOrEqual(INSTANCES);
      await engine.stop();
      engine = undefined;
    },
  );
});
