// Part (b): end to end over HTTP. N concurrent clients, each looping: start a lead instance,
// find its task (GET /tasks?processInstanceId=…), complete it. Time- and count-bounded.
import { loadDiagrams, completionVariables, leadVariables } from '../in-memory/diagrams.js';
import { CpuMeter, type CpuUsage } from '../stats/cpu-meter.js';
import { summarize, type LatencySummary } from '../stats/percentiles.js';
import { EngineApi } from './engine-api.js';
import { HttpClient } from './http-client.js';

export interface HttpLoadOptions {
  baseUrl: URL;
  adminPassword: string;
  /** Processes whose CPU use to report, e.g. engine and postgres. */
  watchProcesses: () => Record<string, number[]>;
  clients: number;
  warmupSeconds: number;
  seconds: number;
  /** Hard cap on measured instances. */
  maxInstances: number;
  log: (line: string) => void;
}

export interface HttpLoadResult {
  clients: number;
  instances: number;
  elapsedMs: number;
  instancesPerSecond: number;
  /** Commands (start + complete) per second; the task query is not a command. */
  commandsPerSecond: number;
  /** All HTTP calls (start + task query + complete) per second. */
  requestsPerSecond: number;
  errors: number;
  errorSamples: string[];
  /** CPU during the measurement; groups: the engine (with its worker threads) and PostgreSQL. */
  cpu: CpuUsage;
  latencyMs: { start: LatencySummary; findTask: LatencySummary; complete: LatencySummary; instance: LatencySummary };
}

interface Samples {
  start: number[];
  findTask: number[];
  complete: number[];
  instance: number[];
}

async function timed<T>(samples: number[] | undefined, call: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const result = await call();
  samples?.push(performance.now() - startedAt);
  return result;
}

export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const lead = loadDiagrams().lead;
  const http = new HttpClient(options.baseUrl, options.clients + 2);
  const api = new EngineApi(http);
  try {
    http.authorize(await api.login('admin', options.adminPassword));
    await api.deploy('bench-lead', [{ name: 'lead-qualification.bpmn', content: lead.xml }]);

    let sequence = 0;
    let errors = 0;
    let attempts = 0;
    const errorSamples: string[] = [];

    const phase = async (seconds: number, cap: number, samples: Samples | undefined): Promise<number> => {
      const deadline = performance.now() + seconds * 1000;
      let completed = 0;
      const client = async (): Promise<void> => {
        while (performance.now() < deadline && completed < cap) {
          attempts += 1;
          const startedAt = performance.now();
          try {
            const instanceId = await timed(samples?.start, () => api.start(lead.processId, leadVariables(++sequence)));
            const tasks = await timed(samples?.findTask, () => api.openTasks(instanceId));
            if (tasks.length !== 1) throw new Error(`instance ${instanceId} has ${tasks.length} open tasks, expected 1`);
            const state = await timed(samples?.complete, () => api.complete(tasks[0], { ...completionVariables }));
            if (state !== 'completed') throw new Error(`instance ${instanceId} is ${state} after its task, expected completed`);
            samples?.instance.push(performance.now() - startedAt);
            completed += 1;
          } catch (error) {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
            if (attempts >= 100 && errors * 2 > attempts) throw new Error(`more than half of the instances failed; first errors:\n${errorSamples.join('\n')}`);
          }
        }
      };
      await Promise.all(Array.from({ length: options.clients }, client));
      return completed;
    };

    options.log(`(b) warming up for ${options.warmupSeconds} s with ${options.clients} clients`);
    await phase(options.warmupSeconds, Number.MAX_SAFE_INTEGER, undefined);
    const warmupErrors = errors;
    errors = 0;
    attempts = 0;
    options.log(`(b) measuring for ${options.seconds} s`);
    const samples: Samples = { start: [], findTask: [], complete: [], instance: [] };
    const cpu = new CpuMeter(options.watchProcesses());
    const startedAt = performance.now();
    const instances = await phase(options.seconds, options.maxInstances, samples);
    const elapsedMs = performance.now() - startedAt;
    const cpuUsage = cpu.read();
    const perSecond = instances / (elapsedMs / 1000);
    if (warmupErrors > 0) errorSamples.unshift(`${warmupErrors} errors during the warm-up`);
    return {
      clients: options.clients,
      instances,
      elapsedMs,
      instancesPerSecond: perSecond,
      commandsPerSecond: perSecond * 2,
      requestsPerSecond: perSecond * 3,
      errors,
      errorSamples,
      cpu: cpuUsage,
      latencyMs: {
        start: summarize(samples.start),
        findTask: summarize(samples.findTask),
        complete: summarize(samples.complete),
        instance: summarize(samples.instance),
      },
    };
  } finally {
    http.close();
  }
}
