// Message correlation throughput (issue 3), against the built engine on the bench's PostgreSQL:
// - correlate: N instances wait at a message catch event keyed by `= offerId`; `clients`
//   concurrent clients then send `POST /api/v1/messages {name, correlationKey}` once per
//   instance (a share of them first as warm-up). Each answer must be 200 `correlated` with the
//   instance completed. Correlations/s, latency p50/p99, CPU by process group.
// - buffered: messages for keys nobody waits on yet are sent with a ttl (202 `buffered`); then
//   the instances that wait for them are started, and each start's statement claims its message
//   and adds the delivery job, which a job worker runs as a correlateMessage command. Delivery
//   latency = the instance's end minus its start, both as the engine wrote them.
import pg from 'pg';
import { HttpClient } from '../http/http-client.js';
import { CpuMeter, type CpuUsage } from '../stats/cpu-meter.js';
import { summarize, type LatencySummary } from '../stats/percentiles.js';
import { startCluster, stopCluster } from './engine-jobs-bench.js';

const MESSAGE = 'bench-offer-signed';

/** start -> wait for `bench-offer-signed` keyed by `= offerId` -> end */
const WAIT_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/bench">
  <bpmn:message id="signed" name="${MESSAGE}" stageflow:correlationKey="= offerId" />
  <bpmn:process id="bench-offer" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitSigned" />
    <bpmn:intermediateCatchEvent id="waitSigned"><bpmn:messageEventDefinition messageRef="signed" /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="waitSigned" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

export interface CorrelationFigures {
  clients: number;
  /** Instances correlated while measuring (after the warm-up share). */
  correlated: number;
  warmupCorrelations: number;
  seconds: number;
  correlationsPerSecond: number;
  latency: LatencySummary;
  errors: number;
  errorSamples: string[];
  cpu: CpuUsage;
  /** Instances started to wait, and how fast (8 clients; each start also opens the subscription). */
  waitingStarted: number;
  startsPerSecond: number;
  buffered?: BufferedFigures;
}

export interface BufferedFigures {
  messages: number;
  /** POST /messages with a ttl, nobody waiting: 202 per second. */
  bufferedPerSecond: number;
  bufferLatency: LatencySummary;
  /** Starts of the waiting instances per second (each claims its message and adds its delivery job). */
  startsPerSecond: number;
  /** Instance end minus start (ms): the claim, the job's pick-up and the correlateMessage command. */
  deliveryLatency: LatencySummary;
  /** Messages delivered per second, first start to last end. */
  deliveredPerSecond: number;
  errors: number;
}

interface Sample {
  ok: boolean;
  ms: number;
  error?: string;
}

/** Runs `work(i)` for i in [from, to) over `clients` concurrent loops. */
async function spread(from: number, to: number, clients: number, work: (i: number) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < to) samples.push(await work(next++));
    }),
  );
  return samples;
}

async function timed(call: () => Promise<string | undefined>): Promise<Sample> {
  const startedAt = performance.now();
  try {
    const problem = await call();
    return problem === undefined ? { ok: true, ms: performance.now() - startedAt } : { ok: false, ms: performance.now() - startedAt, error: problem };
  } catch (error) {
    return { ok: false, ms: performance.now() - startedAt, error: error instanceof Error ? error.message : String(error) };
  }
}

const field = (body: unknown, name: string): unknown => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined);

export async function benchCorrelation(
  databaseUrl: string,
  options: { instances: number; clients: number; buffered: number; postgresPids: () => number[]; log: (line: string) => void },
): Promise<CorrelationFigures> {
  const cluster = await startCluster(databaseUrl, 1, options.log);
  const engine = cluster.engines[0];
  if (!engine) throw new Error('no engine started');
  const http = new HttpClient(engine.baseUrl, Math.max(options.clients, 8) + 2);
  http.authorize(cluster.token);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await http.send('POST', '/api/v1/deployments', { name: 'bench-offer', resources: [{ name: 'offer.bpmn', content: WAIT_DIAGRAM }] });
    const start = (offerId: string) => () =>
      http.send('POST', '/api/v1/process-definitions/key/bench-offer/start', { variables: { offerId } }).then(({ body }) => {
        const state = field(body, 'state');
        return state === 'active' || state === 'completed' ? undefined : `start answered state ${String(state)}`;
      });

    options.log(`correlation: starting ${options.instances} waiting instances (8 clients)`);
    let at = performance.now();
    const started = await spread(0, options.instances, 8, (i) => timed(start(`offer-${i}`)));
    const startSeconds = (performance.now() - at) / 1000;
    const startErrors = started.filter((s) => !s.ok);
    if (startErrors.length > 0) throw new Error(`${startErrors.length} starts failed, first: ${startErrors[0]?.error}`);

    const correlate = (i: number) =>
      timed(async () => {
        const { status, body } = await http.send('POST', '/api/v1/messages', {
          name: MESSAGE,
          correlationKey: `offer-${i}`,
          variables: { signedBy: `buyer-${i}` },
        });
        if (status !== 200 || field(body, 'result') !== 'correlated') return `offer-${i}: ${status} ${JSON.stringify(body).slice(0, 200)}`;
        const state = field(field(body, 'instance'), 'state');
        return state === 'completed' ? undefined : `offer-${i}: instance ${String(state)} after the message`;
      });
    const warmup = Math.min(Math.floor(options.instances / 10), 500);
    options.log(`correlation: warm-up, ${warmup} messages`);
    await spread(0, warmup, options.clients, correlate);
    options.log(`correlation: measuring ${options.instances - warmup} messages, ${options.clients} clients`);
    const cpu = new CpuMeter({ engine: [engine.pid], postgres: options.postgresPids() });
    at = performance.now();
    const samples = await spread(warmup, options.instances, options.clients, correlate);
    const seconds = (performance.now() - at) / 1000;
    const cpuUsage = cpu.read();
    const failed = samples.filter((s) => !s.ok);
    const ok = samples.filter((s) => s.ok);
    const figures: CorrelationFigures = {
      clients: options.clients,
      correlated: ok.length,
      warmupCorrelations: warmup,
      seconds,
      correlationsPerSecond: ok.length / seconds,
      latency: summarize(ok.map((s) => s.ms)),
      errors: failed.length,
      errorSamples: failed.slice(0, 5).map((s) => s.error ?? ''),
      cpu: cpuUsage,
      waitingStarted: options.instances,
      startsPerSecond: options.instances / startSeconds,
    };
    options.log(
      `correlation: ${figures.correlationsPerSecond.toFixed(1)}/s, p50 ${figures.latency.p50.toFixed(1)} ms, p99 ${figures.latency.p99.toFixed(1)} ms, ${failed.length} errors`,
    );

    if (options.buffered > 0) figures.buffered = await benchBuffered(http, db, options, start);
    return figures;
  } finally {
    http.close();
    await db.end();
    await stopCluster(cluster);
  }
}

async function benchBuffered(
  http: HttpClient,
  db: pg.Pool,
  options: { buffered: number; clients: number; log: (line: string) => void },
  start: (offerId: string) => () => Promise<string | undefined>,
): Promise<BufferedFigures> {
  const n = options.buffered;
  options.log(`correlation: ${n} messages sent with a ttl before anyone waits`);
  let at = performance.now();
  const buffered = await spread(0, n, options.clients, (i) =>
    timed(async () => {
      const { status, body } = await http.send('POST', '/api/v1/messages', {
        name: MESSAGE,
        correlationKey: `early-${i}`,
        variables: { signedBy: `buyer-${i}` },
        ttl: 'PT1H',
      });
      return status === 202 && field(body, 'result') === 'buffered' ? undefined : `early-${i}: ${status} ${JSON.stringify(body).slice(0, 200)}`;
    }),
  );
  const bufferSeconds = (performance.now() - at) / 1000;
  options.log(`correlation: starting the ${n} instances that wait for them`);
  at = performance.now();
  const starts = await spread(0, n, options.clients, (i) => timed(start(`early-${i}`)));
  const startSeconds = (performance.now() - at) / 1000;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const open = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM process_instances WHERE definition_key = 'bench-offer' AND variables->>'offerId' LIKE 'early-%' AND status <> 'completed'`,
    );
    if (Number(open.rows[0]?.n) === 0) break;
    if (Date.now() > deadline) throw new Error(`buffered: ${open.rows[0]?.n} instances still waiting for their buffered message after 3 minutes`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  const rows = await db.query<{ ms: number; started: number; ended: number }>(
    `SELECT extract(epoch FROM ended_at - created_at) * 1000 AS ms, extract(epoch FROM created_at) * 1000 AS started, extract(epoch FROM ended_at) * 1000 AS ended
       FROM process_instances WHERE definition_key = 'bench-offer' AND variables->>'offerId' LIKE 'early-%'`,
  );
  const firstStart = Math.min(...rows.rows.map((r) => Number(r.started)));
  const lastEnd = Math.max(...rows.rows.map((r) => Number(r.ended)));
  const errors = buffered.filter((s) => !s.ok).length + starts.filter((s) => !s.ok).length;
  return {
    messages: n,
    bufferedPerSecond: n / bufferSeconds,
    bufferLatency: summarize(buffered.filter((s) => s.ok).map((s) => s.ms)),
    startsPerSecond: n / startSeconds,
    deliveryLatency: summarize(rows.rows.map((r) => Number(r.ms))),
    deliveredPerSecond: rows.rows.length / ((lastEnd - firstStart) / 1000),
    errors,
  };
}
