// The signature of the pure interpreter. No I/O: the caller passes the clock and ids.
import type { Command } from './commands.js';
import type { Effect } from './effects.js';
import type { ProcessGraph } from './definition.js';
import type { InstanceState, JsonValue, Variables } from './state.js';

/** What the caller's rule-set evaluation gives a business-rule task: the value to store, or why not. */
export type RuleSetDecisionOutcome = { ok: true; value: JsonValue } | { ok: false; message: string };

/**
 * Evaluates the rule set `ruleSetKey` on `facts` (the variables visible in the token's scope)
 * and returns the value a business-rule task writes. Supplied by the engine (it finds, compiles
 * and caches the rule set); must be pure and synchronous like the interpreter itself.
 */
export type DecideRuleSet = (ruleSetKey: string, facts: Variables) => RuleSetDecisionOutcome;

export interface InterpretOptions {
  /** The instant of the command, ISO 8601; the interpreter never reads a clock. */
  now: string;
  /** Makes ids for tasks, tokens and scopes; the engine passes UUIDs, tests a counter. */
  newId: () => string;
  /** Atomic steps allowed in one command before a loop without a wait state is stopped with an incident. */
  maxSteps?: number;
  /** Package parameters, visible to FEEL as `params` and to rule sets as the fact `params` (both shadow a variable of that name). */
  params?: Record<string, unknown>;
  /**
   * The record the instance is about, as the engine read it for this command: visible to FEEL as
   * `record` and to rule sets as the fact `record` (it shadows a variable of that name).
   */
  record?: Record<string, unknown>;
  /** Business-rule tasks: evaluates a rule set. Without it a business-rule task raises an incident. */
  decide?: DecideRuleSet;
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

export type Interpret = (graph: ProcessGraph, state: InstanceState | undefined, command: Command, options: InterpretOptions) => InterpretResult;
