// The engine's issue-3 figures, against the built engine on the bench's PostgreSQL:
// - timers: lateness of timer firings (database `now()` of the firing command minus the due
//   time) with 100,000 timers pending, and the rate at which a burst of due timers is worked;
// - nodes: start + complete throughput with 1, 2 and 3 engine processes sharing the database,
//   with each node's optimistic-lock re-runs (lost races).
import { startEngine, type EngineProcess } from '../http/engine-process.js';
import { HttpClient } from '../http/http-client.js';
import pg from 'pg';
import { summarize, type LatencySummary } from '../stats/percentiles.js';

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="https://stageflow.dev/bench">`;

/** start -> wait until the `due` variable (a FEEL timer date) -> end */
const TIMER_DIAGRAM = `${HEADER}
  <bpmn:process id="bench-timer" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDate>= due</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** start -> review (user task) -> end */
const TASK_DIAGRAM = `${HEADER}
  <bpmn:process id="bench-task" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

export interface TimerFigures {
  pendingTimers: number;
  measuredTimers: number;
  lateness: LatencySummary;
  /** Timers fired per second while working the burst (first to last firing). */
  firedPerSecond: number;
}

export interface NodeFigures {
  nodes: number;
  seconds: number;
  instancesPerSecond: number;
  commandsPerSecond: number;
  lostRaces: number;
  commands: number;
  errors: number;
}

interface Cluster {
  engines: EngineProcess[];
  token: string;
}

async function json(url: URL, method: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The password of the admin the first engine on this database created (later ones create none). */
const adminPasswords = new Map<string, string>();

export async function startCluster(databaseUrl: string, nodes: number, log: (line: string) => void): Promise<Cluster> {
  const engines: EngineProcess[] = [];
  engines.push(await startEngine(databaseUrl, log));
  for (let n = 1; n < nodes; n++) engines.push(await startEngine(databaseUrl, log));
  const first = engines[0] as EngineProcess;
  if (!adminPasswords.has(databaseUrl)) adminPasswords.set(databaseUrl, first.adminPassword);
  const login = await fetch(new URL('/api/v1/auth/login', first.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPasswords.get(databaseUrl) }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  return { engines, token };
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  await Promise.all(cluster.engines.map((engine) => engine.stop()));
}

async function parallel(clients: number, until: () => boolean, one: (client: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (!until()) await one(client);
    }),
  );
}

export async function benchTimers(databaseUrl: string, options: { pending: number; measured: number; log: (line: string) => void }): Promise<TimerFigures> {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const cluster = await startCluster(databaseUrl, 1, options.log);
  try {
    const engine = cluster.engines[0] as EngineProcess;
    await json(new URL('/api/v1/deployments', engine.baseUrl), 'POST', cluster.token, {
      name: 'bench-timer',
      resources: [{ name: 'timer.bpmn', content: TIMER_DIAGRAM }],
    });
    // The 100,000 pending timers: timer jobs due in a day, added by SQL through the same
    // function the engine uses (add_jobs), in batches. They sit in the same table and index
    // the workers search.
    for (let added = 0; added < options.pending; added += 10_000) {
      await db.query(
        `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
           SELECT ROW('stageflow.fire-timer', json_build_object('processInstanceId', gen_random_uuid(), 'timerId', gen_random_uuid()), NULL,
                      now() + interval '1 day' + g * interval '1 millisecond', 5, 'timer:' || gen_random_uuid(), NULL, NULL)::graphile_worker.job_spec
             FROM generate_series(1, 10000) g))`,
      );
    }
    options.log(`timers: ${options.pending} pending timer jobs added`);
    // The measured timers: instances whose timers fall due together, ~20 s from now, spread over 5 s.
    const dueBase = Date.now() + 20_000;
    let next = 0;
    await parallel(
      8,
      () => next >= options.measured,
      async () => {
        const i = next++;
        if (i >= options.measured) return;
        const due = new Date(dueBase + Math.floor((5000 * i) / options.measured)).toISOString();
        const started = await json(new URL('/api/v1/process-definitions/key/bench-timer/start', engine.baseUrl), 'POST', cluster.token, { variables: { due } });
        if (started.status !== 201) throw new Error(`start -> ${started.status} ${JSON.stringify(started.body)}`);
      },
    );
    options.log(`timers: ${options.measured} instances waiting; ${((dueBase - Date.now()) / 1000).toFixed(1)} s until the first is due`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM process_instances WHERE definition_key = 'bench-timer' AND status <> 'completed'`);
      if (Number(rows.rows[0]?.n) === 0) break;
      if (Date.now() > deadline) throw new Error('timers: not every timer fired within 2 minutes');
      await new Promise((wait) => setTimeout(wait, 500));
    }
    const result = await db.query<{ late_ms: number; fired_ms: number }>(
      `SELECT extract(epoch FROM f.at - (s.payload->>'dueAt')::timestamptz) * 1000 AS late_ms, extract(epoch FROM f.at) * 1000 AS fired_ms
         FROM history s JOIN history f ON f.process_instance_id = s.process_instance_id AND f.event = 'timer-fired' AND f.payload->>'timerId' = s.payload->>'timerId'
        WHERE s.event = 'timer-scheduled'`,
    );
    const lateness = result.rows.map((row) => Number(row.late_ms));
    const fired = result.rows.map((row) => Number(row.fired_ms)).sort((a, b) => a - b);
    const span = ((fired.at(-1) ?? 0) - (fired[0] ?? 0)) / 1000;
    const pendingLeft = await db.query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker.jobs`);
    options.log(`timers: ${lateness.length} fired; ${pendingLeft.rows[0]?.n} jobs still pending`);
    // Remove the filler so the next part starts clean.
    await db.query(`DELETE FROM graphile_worker._private_jobs`);
    return {
      pendingTimers: options.pending,
      measuredTimers: lateness.length,
      lateness: summarize(lateness),
      firedPerSecond: span > 0 ? lateness.length / span : Number.NaN,
    };
  } finally {
    await stopCluster(cluster);
    await db.end();
  }
}

/** Start + complete from `clients` clients spread over the nodes, for `seconds`. */
export async function benchNodes(
  databaseUrl: string,
  options: { nodes: number; seconds: number; clients: number; log: (line: string) => void },
): Promise<NodeFigures> {
  const cluster = await startCluster(databaseUrl, options.nodes, options.log);
  // The load itself goes through one keep-alive pool per node (as part (b) does): global fetch
  // spent about 0.6 of the two cores on 16 clients, CPU the nodes under test did not have.
  const pools = cluster.engines.map((engine) => new HttpClient(engine.baseUrl, options.clients + 2));
  try {
    const urls = cluster.engines.map((engine) => engine.baseUrl);
    const at = (client: number, path: string): URL => new URL(path, urls[client % urls.length]);
    await json(at(0, '/api/v1/deployments'), 'POST', cluster.token, { name: 'bench-task', resources: [{ name: 'task.bpmn', content: TASK_DIAGRAM }] });
    const before = await Promise.all(cluster.engines.map((_, n) => json(at(n, '/api/v1/health/node'), 'GET', cluster.token)));
    let instances = 0;
    let errors = 0;
    for (const pool of pools) pool.authorize(cluster.token);
    const node = (client: number): HttpClient => pools[client % pools.length] as HttpClient;
    const one = async (client: number): Promise<void> => {
      try {
        // start on one node, complete on the next: commands of one instance cross nodes
        const started = await node(client).send('POST', '/api/v1/process-definitions/key/bench-task/start', {});
        const tasks = await node(client + 1).send('GET', `/api/v1/tasks?processInstanceId=${(started.body as { id: string }).id}`);
        const taskId = (tasks.body as { items: { id: string }[] }).items[0]?.id;
        if (!taskId) throw new Error('no task');
        await node(client + 2).send('POST', `/api/v1/tasks/${taskId}/complete`, {});
        instances++;
      } catch {
        errors++;
      }
    };
    const warmupEnd = Date.now() + 3000;
    await parallel(options.clients, () => Date.now() > warmupEnd, one);
    instances = 0;
    errors = 0;
    const startedAt = performance.now();
    const end = Date.now() + options.seconds * 1000;
    await parallel(options.clients, () => Date.now() > end, one);
    const seconds = (performance.now() - startedAt) / 1000;
    const after = await Promise.all(cluster.engines.map((_, n) => json(at(n, '/api/v1/health/node'), 'GET', cluster.token)));
    const sum = (views: { body: any }[], field: string): number => views.reduce((total, view) => total + Number(view.body?.commands?.[field] ?? 0), 0);
    return {
      nodes: options.nodes,
      seconds,
      instancesPerSecond: instances / seconds,
      // start + complete (the task list read is not a command)
      commandsPerSecond: (2 * instances) / seconds,
      lostRaces: sum(after, 'lostRaces') - sum(before, 'lostRaces'),
      commands: sum(after, 'commands') - sum(before, 'commands'),
      errors,
    };
  } finally {
    for (const pool of pools) pool.close();
    await stopCluster(cluster);
  }
}
