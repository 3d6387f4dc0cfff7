// Issue 3's proof that several engine nodes may share one PostgreSQL: 3 engine processes on
// one server on loopback, 2,000 instances of a diagram with timers, message correlation and parallel branches
// driven through all three, one node SIGKILLed mid-run and started again, the database
// restarted under load, and one node's clock half an hour ahead. At the end every instance
// completed exactly once, every timer fired at most once and every timer that was not
// cancelled fired exactly once, no task or history entry is duplicated, no job is left and
// no incident was raised.
//
// The suite runs its own embedded PostgreSQL (it must restart it), so it is skipped in the CI
// run against an external server (TEST_DATABASE_URL), which it could not restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgresServer, type PostgresServer } from '@stageflow/postgres-server';
import pg from 'pg';
import { startEngine, type EngineProcess } from './support/engine-process.js';

const INSTANCES = Number(process.env.STAGEFLOW_MULTI_NODE_INSTANCES ?? 2000);
const CLIENTS = 12;
const ADMIN_PASSWORD = 'multi-node-password';
const NODE_ENV = {
  STAGEFLOW_DB_POOL_SIZE: '8',
  STAGEFLOW_INTERPRETER_WORKERS: '1',
  STAGEFLOW_JOB_CONCURRENCY: '6',
  STAGEFLOW_NODE_DEAD_AFTER_MS: '4000',
  STAGEFLOW_COMMAND_TIMEOUT_MS: '10000',
};
/** Node 2's clock runs 30 minutes ahead: timers must still fire on the database's clock. */
const SKEWED = { ...NODE_ENV, STAGEFLOW_FAKE_CLOCK_SKEW_MS: String(30 * 60_000) };

/**
 * start -> fork -> (wait: timer 1 s) -> join
 *               -> (review: user task, interrupting boundary `late` after 45 s) -> merge -> join
 *               -> (paid: message `paid` correlated by `= ref`) -> join
 * join -> end. The boundary's timer is cancelled when the task is completed in time, and fires
 * (cancelling the task) when it is not: either way the instance completes once.
 */
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:message id="paidMessage" name="paid" stageflow:correlationKey="= ref" />
  <bpmn:process id="followup" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="wait" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="review" />
    <bpmn:sequenceFlow id="f9" sourceRef="fork" targetRef="paid" />
    <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="paidMessage" /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f10" sourceRef="paid" targetRef="join" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="join" />
    <bpmn:userTask id="review" name="Review" />
    <bpmn:sequenceFlow id="f5" sourceRef="review" targetRef="merge" />
    <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT45S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f6" sourceRef="late" targetRef="merge" />
    <bpmn:exclusiveGateway id="merge" />
    <bpmn:sequenceFlow id="f7" sourceRef="merge" targetRef="join" />
    <bpmn:parallelGateway id="join" />
    <bpmn:sequenceFlow id="f8" sourceRef="join" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Cluster {
  nodes: (EngineProcess | undefined)[];
  token: string;
  next: number;
}

/**
 * One HTTP call to any live node; a refused connection or a 503 moves on to another node.
 * With `once`, a call whose answer was lost is not sent again: the caller finds out what was written.
 */
async function call(cluster: Cluster, method: string, path: string, body?: unknown, once = false): Promise<{ status: number; body: any }> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const live = cluster.nodes.filter((node): node is EngineProcess => node !== undefined && node.child.exitCode === null && node.child.signalCode === null);
    const node = live[cluster.next++ % Math.max(1, live.length)];
    if (node) {
      try {
        const response = await fetch(`${node.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${cluster.token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (response.status !== 503 && response.status < 500) return { status: response.status, body: text ? JSON.parse(text) : undefined };
        if (response.status >= 500 && response.status !== 503) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
        if (once) throw new Error(`${method} ${path}: database unavailable`);
      } catch (error) {
        if (once || (error instanceof Error && error.message.includes(' -> '))) throw error;
        // the node died or the connection dropped: try again
      }
    }
    if (Date.now() > deadline) {
      const states = cluster.nodes.map(
        (n, i) => `node ${i}: exit ${String(n?.child.exitCode)} signal ${String(n?.child.signalCode)}\n${(n?.output() ?? '').slice(-1500)}`,
      );
      throw new Error(`${method} ${path}: no node answered for 180 s\n${states.join('\n')}`);
    }
    await sleep(200);
  }
}

/** Starts instance `i` exactly once: after a lost answer it looks the business key up before trying again. */
async function startOnce(cluster: Cluster, i: number): Promise<void> {
  const businessKey = `mn-${i}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (attempt > 0) {
      const found = await call(cluster, 'GET', `/api/v1/process-instances?businessKey=${businessKey}`);
      if (found.body.total > 0) return;
    }
    try {
      const response = await call(cluster, 'POST', '/api/v1/process-definitions/key/followup/start', { businessKey, variables: { ref: businessKey } }, true);
      if (response.status === 201) return;
      throw new Error(`start ${businessKey} -> ${response.status} ${JSON.stringify(response.body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('start ')) throw error;
      // The answer was lost (node killed, database restarting): look before starting again.
      await sleep(300);
    }
  }
  throw new Error(`could not start ${businessKey}`);
}

/**
 * Sends instance `i` its `paid` message once: after a lost answer it sends again, and a 404
 * (nobody waits any more: the first one was correlated) ends it.
 */
async function payOnce(cluster: Cluster, i: number): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const response = await call(cluster, 'POST', '/api/v1/messages', { name: 'paid', correlationKey: `mn-${i}` }, true);
      if (response.status === 200 || (attempt > 0 && response.status === 404)) return;
      throw new Error(`message mn-${i} -> ${response.status} ${JSON.stringify(response.body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('message ')) throw error;
      await sleep(300);
    }
  }
  throw new Error(`could not send the message of mn-${i}`);
}

/** Completes open tasks until told to stop; a 409 (completed meanwhile, or by a lost earlier answer) is fine. */
async function completeTasks(cluster: Cluster, running: () => boolean): Promise<number> {
  let completed = 0;
  while (running()) {
    const page = await call(cluster, 'GET', '/api/v1/tasks?state=created&limit=200');
    const ids = (page.body.items as { id: string }[]).map((task) => task.id);
    if (ids.length === 0) {
      await sleep(300);
      continue;
    }
    let index = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (index < ids.length) {
          const id = ids[index++];
          const response = await call(cluster, 'POST', `/api/v1/tasks/${id}/complete`, {}).catch(() => ({ status: 0 }));
          if (response.status === 200) completed++;
        }
      }),
    );
  }
  return completed;
}

/** What a failure needs to be understood: each unfinished instance with its waits, jobs, incidents and last history. */
async function describeStuck(db: pg.Pool): Promise<string> {
  const rows = await db.query(
    `SELECT i.id, i.business_key, i.status, i.version, i.updated_at, i.active_element_ids, i.state,
       (SELECT json_agg(json_build_object('element', h.element_id, 'event', h.event, 'at', h.at, 'payload', h.payload) ORDER BY h.id DESC) FROM (SELECT * FROM history WHERE process_instance_id = i.id ORDER BY id DESC LIMIT 12) h) AS last_history,
       (SELECT json_agg(json_build_object('kind', n.kind, 'message', n.message, 'element', n.element_id)) FROM incidents n WHERE n.process_instance_id = i.id) AS incidents,
       (SELECT json_agg(json_build_object('key', j.key, 'task', t.identifier, 'run_at', j.run_at, 'attempts', j.attempts, 'locked_by', j.locked_by, 'locked_at', j.locked_at, 'last_error', j.last_error))
          FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.payload->>'processInstanceId' = i.id::text) AS jobs,
       (SELECT json_agg(t.state) FROM user_tasks t WHERE t.process_instance_id = i.id) AS tasks
     FROM process_instances i WHERE i.status <> 'completed' LIMIT 5`,
  );
  const nodes = await db.query(`SELECT * FROM engine_nodes`).catch((error: Error) => ({ rows: [error.message] }));
  const locked = await db.query(`SELECT locked_by, count(*)::int AS n FROM graphile_worker.jobs WHERE locked_by IS NOT NULL GROUP BY 1`);
  return JSON.stringify({ instances: rows.rows, nodes: nodes.rows, lockedJobs: locked.rows }, null, 1);
}

const maybe = process.env.TEST_DATABASE_URL ? describe.skip : describe;

maybe('several engine nodes on one database', () => {
  let dir = '';
  let server: PostgresServer | undefined;
  let database: pg.Pool | undefined;
  const cluster: Cluster = { nodes: [], token: '', next: 0 };
  const password = 'multi-node';

  const boot = async (dataDir: string, port?: number): Promise<PostgresServer> => startPostgresServer({ dataDir, password, port });

  afterAll(async () => {
    await Promise.all(cluster.nodes.map((node) => node?.stop().catch(() => undefined)));
    await database?.end().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it(`given 3 nodes, ${INSTANCES} instances with timers, messages and parallel branches, a node killed and restarted, the database restarted and a clock ahead, then every instance completes once, every timer fires once and nothing is duplicated or stuck`, async () => {
    dir = await mkdtemp(join(tmpdir(), 'stageflow-multi-node-'));
    server = await boot(join(dir, 'pg'));
    await server.ensureDatabase('stageflow');
    const url = server.url('stageflow');
    const envFor = (n: number): Record<string, string> => (n === 2 ? SKEWED : NODE_ENV);
    // The first node migrates; the others start together against the migrated schema.
    cluster.nodes[0] = await startEngine({ databaseUrl: url, adminPassword: ADMIN_PASSWORD, env: envFor(0) });
    [cluster.nodes[1], cluster.nodes[2]] = await Promise.all(
      [1, 2].map((n) => startEngine({ databaseUrl: url, adminPassword: ADMIN_PASSWORD, env: envFor(n) })),
    );
    const login = await fetch(`${cluster.nodes[0]?.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    cluster.token = ((await login.json()) as { accessToken: string }).accessToken;
    const deployed = await call(cluster, 'POST', '/api/v1/deployments', { name: 'multi-node', resources: [{ name: 'followup.bpmn', content: DIAGRAM }] });
    expect(deployed.status).toBe(201);

    let startsDone = false;
    const completer = completeTasks(cluster, () => !startsDone);
    let started = 0;
    let killed = false;
    let restartedDb = false;
    const faults: Promise<void>[] = [];
    let nextIndex = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (;;) {
          const i = nextIndex++;
          if (i >= INSTANCES) return;
          await startOnce(cluster, i);
          await payOnce(cluster, i);
          started++;
          if (!killed && started >= INSTANCES * 0.35) {
            killed = true;
            // SIGKILL: no graceful shutdown, its locked jobs stay locked until the others notice.
            cluster.nodes[1]?.child.kill('SIGKILL');
            faults.push(
              (async () => {
                await sleep(3000);
                cluster.nodes[1] = await startEngine({ databaseUrl: url, adminPassword: ADMIN_PASSWORD, env: envFor(1) });
              })(),
            );
          }
          if (!restartedDb && started >= INSTANCES * 0.7) {
            restartedDb = true;
            faults.push(
              (async () => {
                const port = server?.port;
                await server?.stop();
                await sleep(1500);
                server = await boot(join(dir, 'pg'), port);
              })(),
            );
          }
        }
      }),
    );
    await Promise.all(faults);
    const startSeconds = (Date.now() - t0) / 1000;

    // Let the remaining tasks be completed and the remaining timers fire.
    database = new pg.Pool({ connectionString: url, max: 2 });
    // pool.end() in afterAll can resolve before an idle client's socket is closed; the server's
    // stop right after then cuts it (57P01), which the pool re-emits. That is teardown, not a
    // finding of this test: without a listener it would fail a run that passed (seen on a loaded machine).
    database.on('error', () => undefined);
    const deadline = Date.now() + 240_000;
    let remaining = Number.POSITIVE_INFINITY;
    while (Date.now() < deadline) {
      const rows = await database.query<{ n: string }>(`SELECT count(*) AS n FROM process_instances WHERE status <> 'completed'`);
      remaining = Number(rows.rows[0]?.n);
      if (remaining === 0) break;
      await sleep(1000);
    }
    startsDone = true;
    const completedByDriver = await completer;
    const db = database;
    const one = async <T extends pg.QueryResultRow>(sql: string): Promise<T> => (await db.query<T>(sql)).rows[0] as T;
    const summary = {
      startSeconds,
      totalSeconds: (Date.now() - t0) / 1000,
      completedByDriver,
      ...(await one(
        `SELECT count(*)::int AS instances, count(*) FILTER (WHERE status = 'completed')::int AS completed, count(DISTINCT business_key)::int AS business_keys FROM process_instances`,
      )),
    };
    process.stdout.write(`multi-node: ${JSON.stringify(summary)}\n`);
    if (remaining !== 0)
      process.stdout.write(
        `multi-node, not completed:\n${await describeStuck(db).catch((error: Error) => error.message)}\n${cluster.nodes.map((n, i) => `node ${i}:\n${(n?.output() ?? '').slice(-3000)}`).join('\n')}\n`,
      );
    expect(remaining).toBe(0);

    // Every instance, once, completed once.
    expect(summary).toEqual(expect.objectContaining({ instances: INSTANCES, completed: INSTANCES, business_keys: INSTANCES }));
    expect(
      await one(
        `SELECT count(*)::int AS n FROM (SELECT process_instance_id FROM history WHERE event = 'instance-completed' GROUP BY 1 HAVING count(*) <> 1) x`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `SELECT count(*)::int AS n FROM process_instances i WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.process_instance_id = i.id AND h.event = 'instance-completed')`,
      ),
    ).toEqual({ n: 0 });
    // Every timer fired at most once; each one not cancelled fired exactly once, each cancelled one never.
    expect(
      await one(`SELECT count(*)::int AS n FROM (SELECT payload->>'timerId' FROM history WHERE event = 'timer-fired' GROUP BY 1 HAVING count(*) > 1) x`),
    ).toEqual({ n: 0 });
    expect(
      await one(`SELECT count(*)::int AS n FROM history s
        WHERE s.event = 'timer-scheduled'
          AND (SELECT count(*) FROM history f WHERE f.process_instance_id = s.process_instance_id AND f.event = 'timer-fired' AND f.payload->>'timerId' = s.payload->>'timerId')
            + (SELECT count(*) FROM history c WHERE c.process_instance_id = s.process_instance_id AND c.event = 'timer-cancelled' AND c.payload->>'timerId' = s.payload->>'timerId') <> 1`),
    ).toEqual({ n: 0 });
    const waits = await one<{ n: number }>(`SELECT count(*)::int AS n FROM history WHERE event = 'left' AND element_id = 'wait'`);
    expect(waits.n).toBe(INSTANCES);
    // Every message correlated once: one per instance, each subscription once.
    const paid = await one<{ n: number; subscriptions: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT payload->>'subscriptionId')::int AS subscriptions FROM history WHERE event = 'message-correlated'`,
    );
    expect(paid).toEqual({ n: INSTANCES, subscriptions: INSTANCES });
    // One task per instance, never two; each created and settled once.
    expect(await one(`SELECT count(*)::int AS n FROM (SELECT process_instance_id FROM user_tasks GROUP BY 1 HAVING count(*) <> 1) x`)).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM user_tasks WHERE state = 'created'`)).toEqual({ n: 0 });
    expect(
      await one(
        `SELECT count(*)::int AS n FROM (SELECT payload->>'taskId' FROM history WHERE event IN ('task-created', 'task-completed', 'task-cancelled') GROUP BY payload->>'taskId', event HAVING count(*) > 1) x`,
      ),
    ).toEqual({ n: 0 });
    // No history entry twice: each element is entered and left once per instance (the join once per arriving token).
    expect(
      await one(`SELECT count(*)::int AS n FROM (SELECT process_instance_id, event, element_id FROM history
        WHERE event IN ('entered', 'left', 'taken') AND element_id <> 'join' GROUP BY 1, 2, 3 HAVING count(*) > 1) x`),
    ).toEqual({ n: 0 });
    // Nothing stuck: no job left, none locked, no incident.
    expect(await one(`SELECT count(*)::int AS n FROM graphile_worker.jobs`)).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM incidents`)).toEqual({ n: 0 });
  }, 900_000);
});
