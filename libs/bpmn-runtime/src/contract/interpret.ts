// The signature of the pure interpreter. No I/O: the caller passes the clock and ids.
import type { Command } from './commands.js';
import type { Effect } from './effects.js';
import type { ProcessGraph } from './definition.js';
import type { InstanceState } from './state.js';

export interface InterpretOptions {
  /** The instant of the command, ISO 8601; the interpreter never reads a clock. */
  now: string;
  /** Makes ids for tasks, tokens and scopes; the engine passes UUIDs, tests a counter. */
  newId: () => string;
  /** Atomic steps allowed in one command before a loop without a wait state is stopped with an incident. */
  maxSteps?: number;
  /** Package parameters, visible to FEEL as `params`. */
  params?: Record<string, unknown>;
}

export interface InterpretResult {
  state: InstanceState;
  effects: Effect[];
}

/** Thrown for commands that do not fit the state (completing an unknown task, ...). */
export class CommandRejectedError extends Error {
  constructor(
    readonly code: 'TASK_NOT_FOUND' | 'INSTANCE_NOT_ACTIVE' | 'INVALID_COMMAND',
    message: string,
  ) {
    super(message);
    this.name = 'CommandRejectedError';
  }
}

export type Interpret = (
  graph: ProcessGraph,
  state: InstanceState | undefined,
  command: Command,
  options: InterpretOptions,
) => InterpretResult;
