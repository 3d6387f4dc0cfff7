// Runs each command on this thread or on an interpreter worker. The workers exist to stop a
// command that runs away (a FEEL loop, a catastrophic regular expression, a giant list) with
// their wall-clock and heap limits; sending a command there and its result back costs far
// more than interpreting a typical command itself. A process whose every command provably
// finishes quickly (runsBounded: decided once per definition, which never changes) needs no
// such limit and skips the hop; every other process keeps the worker.
import { randomUUID } from 'node:crypto';
import { CommandRejectedError, interpret, runsBounded, type InterpretResult } from '@stageflow/bpmn-runtime';
import { InterpreterAbortedError, InterpreterRejectedError, type InterpretJob } from './interpreter-pool.js';

/** Definitions whose decision is remembered; past it, the decisions are made again. */
const MAX_CACHED_DECISIONS = 500;

export interface InterpreterRouterOptions {
  /** False runs every command on a worker (STAGEFLOW_INLINE_INTERPRETER=false). */
  inline: boolean;
  /** The step limit, as the workers apply it. */
  maxSteps: number;
}

export interface InterpreterWorkers {
  run(job: InterpretJob): Promise<InterpretResult>;
}

export class InterpreterRouter {
  /** Whether a definition runs inline, by definition id. */
  private readonly inlineDefinitions = new Map<string, boolean>();

  constructor(
    private readonly workers: InterpreterWorkers,
    private readonly options: InterpreterRouterOptions,
  ) {}

  async run(job: InterpretJob): Promise<InterpretResult> {
    return this.runsInline(job) ? this.interpretHere(job) : this.workers.run(job);
  }

  private runsInline(job: InterpretJob): boolean {
    // Rule sets are evaluated by the worker's RuleSetDecider; runsBounded refuses such processes anyway.
    if (!this.options.inline || job.ruleSets !== undefined) return false;
    let inline = this.inlineDefinitions.get(job.definitionId);
    if (inline === undefined) {
      inline = runsBounded(job.graph);
      if (this.inlineDefinitions.size >= MAX_CACHED_DECISIONS) this.inlineDefinitions.clear();
      this.inlineDefinitions.set(job.definitionId, inline);
    }
    return inline;
  }

  /** What interpreter.worker.ts does with a command, with the errors the pool makes of its replies. */
  private interpretHere(job: InterpretJob): InterpretResult {
    try {
      return interpret(job.graph, job.state, job.command, {
        now: job.now,
        newId: randomUUID,
        maxSteps: this.options.maxSteps,
        params: job.params,
        ...(job.record ? { record: job.record } : {}),
      });
    } catch (error) {
      if (error instanceof CommandRejectedError) throw new InterpreterRejectedError(error.code, error.message);
      throw new InterpreterAbortedError('interpreter', error instanceof Error ? error.message : String(error));
    }
  }
}
