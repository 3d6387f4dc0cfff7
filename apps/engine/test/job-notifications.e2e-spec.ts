// graphile-worker wakes idle workers with NOTIFY "jobs:insert", and PostgreSQL serialises the
// commits of transactions that notify (docs/jobs.md). So only a command that adds a job due now
// notifies: not one that adds no job (graphile-worker's add_jobs notifies even for an empty
// array, which the statements that add "the jobs of whatever rows they found" used to call on
// every message subscription opened or closed and every signal broadcast), nor one that adds a
// job due later or removes one (the engine's quiet copies of add_jobs and remove_job).
//
// Notifications arrive in commit order: after the commands under test, the test sends a barrier
// notification of its own; whatever arrived before it came from those commands.
import pg from 'pg';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { waitForMessageDiagram } from './support/correlation-diagrams.js';
import { eventually } from './support/polling.js';

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

/** start -> user task "call" with an interrupting boundary timer `duration` -> end; the timer leads to "escalate". */
const callWithDeadline = (key: string, duration: string) => `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" />
    <bpmn:boundaryEvent id="late" attachedToRef="call"><bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="escalate" />
    <bpmn:userTask id="escalate" />
    <bpmn:sequenceFlow id="f4" sourceRef="escalate" targetRef="end2" />
    <bpmn:endEvent id="end2" />
  </bpmn:process>
</bpmn:definitions>`;

/** start -> an async manual task -> end: the start adds a job due now. */
const asyncStep = (key: string) => `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
    <bpmn:manualTask id="step" stageflow:async="true" />
    <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const suite = setupEngineSuite();
const CHANNEL = 'jobs:insert';
const BARRIER = 'test-barrier';

const admin = (): [string, string] => bearer(suite.adminToken());

/** A LISTEN connection that collects the payloads of graphile-worker's channel. */
async function listen(): Promise<{ until(barrier: string): Promise<string[]>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: suite.databaseUrl() });
  await client.connect();
  const received: string[] = [];
  let onBarrier: (() => void) | undefined;
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL) return;
    if (message.payload === BARRIER) onBarrier?.();
    else received.push(message.payload ?? '');
  });
  await client.query(`LISTEN "${CHANNEL}"`);
  return {
    async until(barrier) {
      const arrived = new Promise<void>((resolve) => (onBarrier = resolve));
      await suite.query('SELECT pg_notify($1, $2)', [CHANNEL, barrier]);
      await arrived;
      return received.splice(0);
    },
    close: () => client.end(),
  };
}

async function completeTask(instanceId: string, elementId: string): Promise<void> {
  const tasks = await suite
    .http()
    .get(`/api/v1/tasks?processInstanceId=${instanceId}&state=created`)
    .set(...admin());
  const task = (tasks.body.items as { id: string; elementId: string }[]).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no open task at ${elementId}`);
  expect(
    (
      await suite
        .http()
        .post(`/api/v1/tasks/${task.id}/complete`)
        .set(...admin())
        .send({})
    ).status,
  ).toBe(200);
}

describe('job notifications', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'wait.bpmn', content: waitForMessageDiagram('quietWait', 'quiet-offer-signed') },
      { name: 'deadline.bpmn', content: callWithDeadline('callWithinAnHour', 'PT1H') },
      { name: 'soon.bpmn', content: callWithDeadline('callWithinASecond', 'PT1S') },
      { name: 'async.bpmn', content: asyncStep('asyncStep') },
    ]);
  });

  it('given commands that open and close a message subscription and a signal nobody waits for, when they run, then none of them sends a job notification', async () => {
    const listener = await listen();
    try {
      const started = await suite
        .http()
        .post('/api/v1/process-definitions/key/quietWait/start')
        .set(...admin())
        .send({ variables: { leadId: 'Q-1' } });
      expect(started.status).toBe(201);

      await completeTask(started.body.id as string, 'call'); // opens the subscription (no buffered message to claim)
      const published = await suite
        .http()
        .post('/api/v1/messages')
        .set(...admin())
        .send({ name: 'quiet-offer-signed', correlationKey: 'Q-1' }); // closes it
      expect(published.status).toBe(200);
      const signal = await suite
        .http()
        .post('/api/v1/signals')
        .set(...admin())
        .send({ name: 'nobody-listens' });
      expect(signal.status).toBeLessThan(300);

      expect(await listener.until(BARRIER)).toEqual([]);
      const instance = await suite
        .http()
        .get(`/api/v1/process-instances/${started.body.id as string}`)
        .set(...admin());
      expect(instance.body.activeElementIds).toEqual(['promote']);
    } finally {
      await listener.close();
    }
  });

  it('given commands that schedule a timer due later and cancel it, when they run, then neither notifies, and the job was there with its due time', async () => {
    const listener = await listen();
    try {
      const started = await suite
        .http()
        .post('/api/v1/process-definitions/key/callWithinAnHour/start')
        .set(...admin())
        .send({});
      expect(started.status).toBe(201);
      const jobs = await suite.query<{ in_minutes: number }>(
        `SELECT round(extract(epoch FROM j.run_at - now()) / 60)::int AS in_minutes
           FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
          WHERE t.identifier = 'stageflow.fire-timer' AND j.payload->>'processInstanceId' = $1`,
        [started.body.id],
      );
      expect(jobs).toEqual([{ in_minutes: 60 }]);

      await completeTask(started.body.id as string, 'call'); // the timer's job is removed

      expect(await listener.until(BARRIER)).toEqual([]);
      expect(await suite.query("SELECT 1 FROM graphile_worker._private_jobs WHERE payload->>'processInstanceId' = $1", [started.body.id])).toEqual([]);
    } finally {
      await listener.close();
    }
  });

  it('given a timer added without a notification, when it is due, then the poll finds it and it fires', async () => {
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/callWithinASecond/start')
      .set(...admin())
      .send({});
    expect(started.status).toBe(201);

    await eventually(async () => {
      const instance = await suite
        .http()
        .get(`/api/v1/process-instances/${started.body.id as string}`)
        .set(...admin());
      return (instance.body.activeElementIds as string[]).includes('escalate') ? true : undefined;
    }, 'the boundary timer to fire');
  });

  it('given a command that adds a job due now, when it runs, then the workers are woken by a notification', async () => {
    const listener = await listen();
    try {
      const started = await suite
        .http()
        .post('/api/v1/process-definitions/key/asyncStep/start')
        .set(...admin())
        .send({});
      expect(started.status).toBe(201);

      expect((await listener.until(BARRIER)).length).toBeGreaterThan(0);
    } finally {
      await listener.close();
    }
  });

  it("given graphile-worker's add_jobs and remove_job as installed, then the engine's quiet copies differ only by their name and the one NOTIFY", async () => {
    const definitions = await suite.query<{ name: string; definition: string }>(
      `SELECT p.name, pg_get_functiondef(p.name::regproc) AS definition
         FROM unnest(ARRAY['graphile_worker.add_jobs', 'public.stageflow_add_jobs_later', 'graphile_worker.remove_job', 'public.stageflow_remove_job_quietly']) AS p(name)`,
    );
    const text = (name: string): string => definitions.find((row) => row.name === name)?.definition ?? '';
    const normalised = (name: string, original: string): string =>
      text(name)
        .replace(name, original)
        .replace(/\n[ \t]*perform pg_notify\([^;]*\);/gi, '');

    expect(text('public.stageflow_add_jobs_later')).not.toContain('pg_notify');
    expect(normalised('public.stageflow_add_jobs_later', 'graphile_worker.add_jobs')).toBe(normalised('graphile_worker.add_jobs', 'graphile_worker.add_jobs'));
    expect(text('public.stageflow_remove_job_quietly')).not.toContain('pg_notify');
    expect(normalised('public.stageflow_remove_job_quietly', 'graphile_worker.remove_job')).toBe(
      normalised('graphile_worker.remove_job', 'graphile_worker.remove_job'),
    );
  });
});
