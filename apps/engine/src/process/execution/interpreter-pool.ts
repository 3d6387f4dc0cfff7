// A small pool of interpreter worker threads. Each command gets a wall-clock limit; a worker
// that overruns it or dies (heap limit) is terminated and replaced, and the command fails
// with an InterpreterAbortedError that the caller records as an incident.
import { Worker } from 'node:worker_threads';
import type { Command, InstanceState, InterpretResult, ProcessGraph } from '@stageflow/bpmn-runtime';
import type { InterpretReply, InterpretRequest } from './interpreter-messages.js';
import type { RuleSetVersion, ShippedRuleSet } from './rule-set-decider.js';

export type AbortReason = 'timeout' | 'resource-limit' | 'worker-crash' | 'interpreter';

/** The interpreter could not finish the command: it ran too long, ran out of memory, or threw. */
export class InterpreterAbortedError extends Error {
  constructor(
    readonly reason: AbortReason,
    message: string,
  ) {
    super(message);
    this.name = 'InterpreterAbortedError';
  }
}

/** The interpreter refused the command as it does not fit the state. */
export class InterpreterRejectedError extends Error {
  constructor(
    readonly code: 'TASK_NOT_FOUND' | 'INSTANCE_NOT_ACTIVE' | 'INVALID_COMMAND',
    message: string,
  ) {
    super(message);
    this.name = 'InterpreterRejectedError';
  }
}

export interface InterpreterPoolOptions {
  size: number;
  timeoutMs: number;
  maxHeapMb: number;
  maxSteps: number;
  workerUrl: URL;
}

export interface InterpretJob {
  definitionId: string;
  graph: ProcessGraph;
  state?: InstanceState;
  command: Command;
  now: string;
  params?: Record<string, unknown>;
  /** The record the instance is about (RecordFacts), visible as `record`. */
  record?: Record<string, unknown>;
  /** Business-rule tasks: the rule sets the process refers to (InterpreterPoolService resolves them). */
  ruleSets?: RuleSetVersion[];
}

/** Entries a slot remembers of what its worker holds; past it, it forgets (the worker answers 'missing-…' when it evicted one). */
const MAX_TRACKED = 256;

interface PendingJob {
  job: InterpretJob;
  resolve: (result: InterpretResult) => void;
  reject: (error: Error) => void;
  sentGraph: boolean;
}

interface Slot {
  worker: Worker;
  /** Definition ids whose graphs the worker holds, as far as we know. */
  cached: Set<string>;
  /** Rule-set version ids the worker has compiled, as far as we know: sent without their documents. */
  ruleSets: Set<string>;
  /**
   * The worker has loaded its modules. A command's time limit starts when it is sent, so a
   * command sent to a worker still loading (just spawned, or replacing a crashed one on a busy
   * machine) would spend its limit on the loading and end as a false timeout incident.
   */
  ready: boolean;
  current?: { jobId: number; pending: PendingJob; timer: NodeJS.Timeout };
}

export class InterpreterPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingJob[] = [];
  private nextJobId = 1;
  private closed = false;

  constructor(private readonly options: InterpreterPoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  run(job: InterpretJob): Promise<InterpretResult> {
    if (this.closed) return Promise.reject(new Error('the interpreter pool is closed'));
    return new Promise<InterpretResult>((resolve, reject) => {
      this.queue.push({ job, resolve, reject, sentGraph: false });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the interpreter pool is closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.current) {
          clearTimeout(slot.current.timer);
          slot.current.pending.reject(new Error('the interpreter pool is closed'));
          slot.current = undefined;
        }
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxHeapMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.floor(this.options.maxHeapMb / 4)),
        stackSizeMb: 4,
      },
    });
    const slot: Slot = { worker, cached: new Set(), ruleSets: new Set(), ready: false };
    worker.on('message', (reply: InterpretReply) => this.onReply(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      const reason: AbortReason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'resource-limit' : 'worker-crash';
      this.replace(
        slot,
        new InterpreterAbortedError(
          reason,
          reason === 'resource-limit' ? 'the command exceeded the interpreter memory limit' : `the interpreter worker crashed: ${error.message}`,
        ),
      );
    });
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) {
        this.replace(slot, new InterpreterAbortedError('worker-crash', 'the interpreter worker exited'));
      }
    });
    // Idle workers must not keep the process alive on shutdown.
    worker.unref();
    return slot;
  }

  /** Ends the slot's current job with `error`, terminates its worker and puts a fresh one in its place. */
  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    if (slot.current) {
      clearTimeout(slot.current.timer);
      slot.current.pending.reject(error);
      slot.current = undefined;
    }
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate().catch(() => undefined);
    if (this.closed) return;
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current || !slot.ready) continue;
      const pending = this.queue.shift();
      if (pending) this.send(slot, pending);
    }
  }

  private send(slot: Slot, pending: PendingJob): void {
    const { job } = pending;
    const jobId = this.nextJobId++;
    const needsGraph = !slot.cached.has(job.definitionId) || pending.sentGraph;
    const request: InterpretRequest = {
      jobId,
      definitionId: job.definitionId,
      graph: needsGraph ? job.graph : undefined,
      state: job.state,
      command: job.command,
      now: job.now,
      maxSteps: this.options.maxSteps,
      params: job.params,
      ...(job.record ? { record: job.record } : {}),
      ...(job.ruleSets ? { ruleSets: this.shipRuleSets(slot, job.ruleSets) } : {}),
    };
    if (needsGraph) {
      slot.cached.add(job.definitionId);
      if (slot.cached.size > MAX_TRACKED) slot.cached.clear();
    }
    const timer = setTimeout(() => {
      this.replace(slot, new InterpreterAbortedError('timeout', `the command ran longer than ${this.options.timeoutMs} ms and was stopped`));
    }, this.options.timeoutMs);
    slot.current = { jobId, pending, timer };
    slot.worker.ref();
    slot.worker.postMessage(request);
  }

  /**
   * The rule sets as this slot's worker gets them: a version it compiled before goes as its id
   * alone (a 20-rule document is kilobytes to structured-clone on every command); the others
   * with their documents, remembered as held from now on.
   */
  private shipRuleSets(slot: Slot, versions: readonly RuleSetVersion[]): ShippedRuleSet[] {
    return versions.map((version) => {
      if (slot.ruleSets.has(version.id)) return { key: version.key, id: version.id, version: version.version };
      if (slot.ruleSets.size >= MAX_TRACKED) slot.ruleSets.clear();
      slot.ruleSets.add(version.id);
      return version;
    });
  }

  private onReply(slot: Slot, reply: InterpretReply): void {
    if (reply.kind === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const current = slot.current;
    if (!current || current.jobId !== reply.jobId) return;
    clearTimeout(current.timer);
    slot.current = undefined;
    slot.worker.unref();
    const { pending } = current;
    switch (reply.kind) {
      case 'ok':
        pending.resolve(reply.result);
        break;
      case 'missing-graph':
        // The worker evicted it: send again with the graph, ahead of the queue.
        slot.cached.delete(pending.job.definitionId);
        pending.sentGraph = true;
        this.send(slot, pending);
        return;
      case 'missing-rule-sets':
        // The worker evicted them: forgotten here too, so they go again with their documents, ahead of the queue.
        for (const id of reply.ids) slot.ruleSets.delete(id);
        this.send(slot, pending);
        return;
      case 'rejected':
        pending.reject(new InterpreterRejectedError(reply.code, reply.message));
        break;
      case 'failed':
        pending.reject(new InterpreterAbortedError('interpreter', reply.message));
        break;
    }
    this.dispatch();
  }
}
