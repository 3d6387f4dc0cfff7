// Timers and async continuations as jobs: intermediate and boundary timers fire once, a
// cancelled timer never fires, a repeating boundary timer reminds until its task is done, a
// timer start event starts one instance per firing and follows the latest version.
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

function timer(kind: 'timeDuration' | 'timeDate' | 'timeCycle', text: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind}>${text}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

/** start -> wait (timer) -> end */
function waitDiagram(key: string, kind: 'timeDuration' | 'timeDate', text: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:intermediateCatchEvent id="wait">${timer(kind, text)}</bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> call (user task) -> done; boundary `escalate` (interrupting) -> escalated; `remind` (non-interrupting cycle) -> reminded */
function callDiagram(key: string, escalateAfter: string, remindEvery: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Call the lead" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="done" />
    <bpmn:endEvent id="done" />
    <bpmn:boundaryEvent id="escalate" attachedToRef="call">${timer('timeDuration', escalateAfter)}</bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="escalate" targetRef="escalated" />
    <bpmn:endEvent id="escalated" />
    <bpmn:boundaryEvent id="remind" attachedToRef="call" cancelActivity="false">${timer('timeCycle', remindEvery)}</bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="reminded" />
    <bpmn:endEvent id="reminded" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** timer start (cycle) -> end */
function nightlyDiagram(key: string, cycle: string, endId = 'end'): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="nightly">${timer('timeCycle', cycle)}</bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="nightly" targetRef="${endId}" />
    <bpmn:endEvent id="${endId}" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> enrich (manual task, stageflow:async) -> end */
function asyncDiagram(key: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="enrich" />
    <bpmn:manualTask id="enrich" stageflow:async="true" />
    <bpmn:sequenceFlow id="f2" sourceRef="enrich" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wait) => setTimeout(wait, 150));
  }
}

async function start(key: string): Promise<string> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({});
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function instance(id: string): Promise<{ state: string; activeElementIds: string[] }> {
  const response = await suite
    .http()
    .get(`/api/v1/process-instances/${id}`)
    .set(...bearer(suite.adminToken()));
  return response.body as { state: string; activeElementIds: string[] };
}

async function events(id: string): Promise<{ event: string; elementId: string | null; payload: Record<string, unknown> | null }[]> {
  const response = await suite
    .http()
    .get(`/api/v1/process-instances/${id}/history`)
    .set(...bearer(suite.adminToken()));
  return response.body.items;
}

async function ended(id: string): Promise<string> {
  return eventually(async () => {
    const { state } = await instance(id);
    return state === 'completed' || state === 'terminated' ? state : undefined;
  }, `instance ${id} to end`);
}

async function pendingJobs(prefix: string): Promise<number> {
  const rows = await suite.query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key LIKE $1`, [`${prefix}%`]);
  return Number(rows[0]?.n);
}

describe('timers', () => {
  it('given an intermediate timer of one second, when the instance waits, then the timer fires once and the instance completes', async () => {
    await suite.deploy([{ name: 'wait.bpmn', content: waitDiagram('wait1s', 'timeDuration', 'PT1S') }]);
    // The start's own answer shows the wait: a later read could come after the timer fired.
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/wait1s/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(started.status).toBe(201);
    expect(started.body.activeElementIds).toEqual(['wait']);
    const id = started.body.id as string;

    expect(await ended(id)).toBe('completed');
    const history = await events(id);
    expect(history.filter((h) => h.event === 'timer-scheduled')).toHaveLength(1);
    expect(history.filter((h) => h.event === 'timer-fired')).toHaveLength(1);
    expect(await pendingJobs('timer:')).toBe(0);
  });

  it('given a timer date in the past, when the instance reaches it, then it fires at once', async () => {
    await suite.deploy([{ name: 'past.bpmn', content: waitDiagram('past', 'timeDate', '2020-01-01T00:00:00Z') }]);
    const id = await start('past');
    expect(await ended(id)).toBe('completed');
  });

  it('given a task with an interrupting boundary timer, when nobody works it in time, then the task is cancelled and the instance ends at the escalation', async () => {
    await suite.deploy([{ name: 'call.bpmn', content: callDiagram('call-escalate', 'PT1S', 'R/PT1H') }]);
    const id = await start('call-escalate');

    expect(await ended(id)).toBe('completed');
    const history = await events(id);
    expect(history.map((h) => `${h.event}:${h.elementId ?? ''}`)).toEqual(
      expect.arrayContaining(['task-cancelled:call', 'entered:escalated', 'timer-cancelled:remind']),
    );
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${id}`)
      .set(...bearer(suite.adminToken()));
    expect(tasks.body.items.map((t: { state: string }) => t.state)).toEqual(['cancelled']);
    // The other boundary's job went with the task: nothing left to fire for this instance.
    const left = await suite.query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload::jsonb->>'processInstanceId' = $1`, [
      id,
    ]);
    expect(Number(left[0]?.n)).toBe(0);
  });

  it('given a task with a repeating non-interrupting reminder, when it fires a few times and the task is then completed, then each firing left a reminder token and no timer is left', async () => {
    await suite.deploy([{ name: 'remind.bpmn', content: callDiagram('call-remind', 'PT1H', 'R/PT1S') }]);
    const id = await start('call-remind');
    await eventually(async () => ((await events(id)).filter((h) => h.event === 'timer-fired').length >= 2 ? true : undefined), 'two reminders');
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${id}`)
      .set(...bearer(suite.adminToken()));
    const done = await suite
      .http()
      .post(`/api/v1/tasks/${tasks.body.items[0].id as string}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(done.status).toBe(200);

    expect(await ended(id)).toBe('completed');
    const history = await events(id);
    const fired = history.filter((h) => h.event === 'timer-fired').length;
    expect(history.filter((h) => h.event === 'entered' && h.elementId === 'reminded')).toHaveLength(fired);
    expect(history.filter((h) => h.event === 'entered' && h.elementId === 'escalated')).toHaveLength(0);
    const left = await suite.query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload::jsonb->>'processInstanceId' = $1`, [
      id,
    ]);
    expect(Number(left[0]?.n)).toBe(0);
  });

  it('given a timer start event R3/PT1S, when deployed, then exactly three instances start, one per firing', async () => {
    const deployed = await suite.deploy([{ name: 'nightly.bpmn', content: nightlyDiagram('nightly3', 'R3/PT1S') }]);
    const definitionId = deployed.processDefinitions[0]?.id as string;
    await eventually(async () => ((await pendingJobs(`start-timer:${definitionId}`)) === 0 ? true : undefined), 'the last firing');
    await new Promise((wait) => setTimeout(wait, 1500));

    const rows = await suite.query<{ n: string; completed: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'completed') AS completed FROM process_instances WHERE definition_id = $1`,
      [definitionId],
    );
    expect(Number(rows[0]?.n)).toBe(3);
    expect(Number(rows[0]?.completed)).toBe(3);
  });

  it('given a repeating timer start event, when a new version is deployed, then the old version stops firing and the new one fires', async () => {
    const v1 = await suite.deploy([{ name: 'review.bpmn', content: nightlyDiagram('review', 'R/PT1H') }]);
    const v1Id = v1.processDefinitions[0]?.id as string;
    expect(await pendingJobs(`start-timer:${v1Id}`)).toBe(1);

    const v2 = await suite.deploy([{ name: 'review.bpmn', content: nightlyDiagram('review', 'R/PT1S', 'end2') }]);
    const v2Id = v2.processDefinitions[0]?.id as string;
    expect(v2.processDefinitions[0]?.version).toBe(2);
    expect(await pendingJobs(`start-timer:${v1Id}`)).toBe(0);
    await eventually(async () => {
      const rows = await suite.query<{ n: string }>(`SELECT count(*) AS n FROM process_instances WHERE definition_id = $1`, [v2Id]);
      return Number(rows[0]?.n) >= 2 ? true : undefined;
    }, 'two starts of version 2');
    // Retire it so that it stops firing for the rest of the suite.
    await suite.deploy([{ name: 'review.bpmn', content: nightlyDiagram('review', 'R/PT1H', 'end3') }]);
  });

  it('given a timer that does not parse, when deployed, then 422 names the element', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'bad', resources: [{ name: 'bad.bpmn', content: waitDiagram('badtimer', 'timeDuration', 'two hours') }] });
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([expect.objectContaining({ elementId: 'wait' })]);
  });
});

describe('async continuations', () => {
  it('given an activity marked stageflow:async, when the instance reaches it, then the start commits first and a job runs the activity', async () => {
    await suite.deploy([{ name: 'async.bpmn', content: asyncDiagram('enrichment') }]);
    const id = await start('enrichment');

    expect(await ended(id)).toBe('completed');
    const history = await events(id);
    expect(history.filter((h) => h.event === 'async-scheduled')).toHaveLength(1);
    expect(history.filter((h) => h.event === 'entered' && h.elementId === 'enrich')).toHaveLength(1);
  });
});
