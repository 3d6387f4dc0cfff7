// What a behavior sees of the command being run: the graph, the state, and the moves it may
// make. Modelled on Camunda's ActivityExecution (pvm/delegate): behaviors, catches and throws
// depend on this interface, the run loop (interpreter/execution.ts) implements it, so the
// behaviors neither import the interpreter nor need it to run (a spec can pass a fake).
// Reading variables needs no context: src/state/scope-variables.ts works on `state`.
import type { Effect } from '../contract/effects.js';
import type { RuleSetDecisionOutcome } from '../contract/interpret.js';
import type { JsonValue, Variables } from '../contract/state.js';
import type { FeelEnvironment, FeelOutcome } from '../feel/feel-expression.js';
import type { CompiledProcess, GraphFlow, GraphNode } from '../model/process-graph.js';
import type { RuntimeState, ScopeInstance, Token } from '../state/instance-state.js';

export interface ExecutionContext {
  readonly graph: CompiledProcess;
  /** The instance state this command changes in place. */
  readonly state: RuntimeState;
  /** The caller's id generator (tasks, timers, scopes, incidents, ...). */
  readonly newId: () => string;
  /** The command's instant (ISO 8601); the interpreter reads no clock. */
  readonly now: string;
  /** `now` and the package parameters, as FEEL sees them. */
  readonly env: FeelEnvironment;

  emit(effect: Effect): void;
  /** The node with this id; throws on an unknown one (a graph bug, not an instance's). */
  node(id: string): GraphNode;
  flow(id: string): GraphFlow;

  // ---- tokens -----------------------------------------------------------------------------

  /** Queues a token to enter the node it points at (after the current step). */
  scheduleEnter(token: Token, via: string | undefined): void;
  createToken(nodeId: string, scopeId: string): Token;
  findTokenById(id: string): Token | undefined;
  /** Takes the given outgoing flows of `node`: the token follows the first, new tokens the rest. */
  leave(token: Token, node: GraphNode, flowIds: readonly string[]): void;
  park(token: Token, wait: NonNullable<Token['wait']>): void;
  /** Clears a token's wait (and what it waited on) so it can move on. */
  resume(token: Token): void;
  /** Removes a token without any other consequence (merged at a join, killed, ...). */
  removeToken(token: Token): void;
  /** A token ends: its scope completes when no token is left in it. */
  consume(token: Token): void;
  completeScopeIfDone(scopeId: string): void;
  /** Kills every token in the scope instance and the scopes nested in it; the scope itself stays. */
  killScope(scopeId: string): void;
  /** A killed or interrupted token that had entered its element leaves it (ElementLeft). */
  leftWhenKilled(token: Token): void;
  /** The outside world stops waiting for this token: its task, called process, action, incident. */
  cancelWaits(token: Token): void;
  /** Parks the token in an incident; `complete`: a retry completes the activity again instead of entering it. */
  raiseIncident(token: Token, message: string, phase?: 'complete'): void;
  /** True when no token of the scope can still reach the inclusive join by a path not through it. */
  inclusiveJoinReady(join: GraphNode, scopeId: string): boolean;

  // ---- scopes and variables ---------------------------------------------------------------

  /** Opens the activity's own scope instance (input mappings, subprocess variables). */
  openLocalScope(token: Token, node: GraphNode): ScopeInstance;
  /** Each variable updates the nearest scope from `scopeId` outwards that has it, else the instance scope. */
  writeNearest(scopeId: string, changes: Variables, elementId: string): void;
  /** Writes into `scopeId` itself. */
  writeLocal(scopeId: string, changes: Variables, elementId: string): void;
  /** Output mappings: an existing variable is updated where it lives, a new one lands in `enclosingScopeId`. */
  writeOutputs(enclosingScopeId: string, changes: Variables, elementId: string): void;

  // ---- FEEL and rule sets -----------------------------------------------------------------

  /** Evaluates an attribute value (`= expr` or a literal) in a scope. */
  evaluate(value: string, scopeId: string): FeelOutcome;
  /** Evaluates a mapping source to a storable JSON value. */
  evaluateJson(value: string, scopeId: string): { ok: true; value: JsonValue } | { ok: false; message: string };
  /** A flow's condition; a flow without one is true, anything but a boolean fails. */
  evaluateCondition(flow: GraphFlow, scopeId: string): { ok: true; value: boolean } | { ok: false; message: string };
  /** Evaluates a rule set through the caller's `decide`; a throw is a failure, not a crash. */
  decideRuleSet(ruleSetKey: string, facts: Variables): RuleSetDecisionOutcome;

  // ---- activities -------------------------------------------------------------------------

  /** Runs the activity's input mappings into its local scope; false when one failed (incident raised). */
  applyInputs(token: Token, node: GraphNode): boolean;
  /** Output mappings, local scope closed, token leaves by all outgoing flows; false on an incident. */
  completeActivity(token: Token, node: GraphNode): boolean;
}
