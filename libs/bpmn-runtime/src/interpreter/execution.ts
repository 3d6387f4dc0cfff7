// The agenda loop: one command runs every token until it waits (run to completion).
// Behaviors call back into this class, through ExecutionContext, to move tokens, evaluate
// FEEL and emit effects.
import type { Effect } from '../contract/effects.js';
import type { DecideRuleSet, RuleSetDecisionOutcome } from '../contract/interpret.js';
import type { JsonValue, Variables } from '../contract/state.js';
import { behaviors } from '../behaviors/behavior-registry.js';
import { attachBoundaries } from '../catch/boundary-events.js';
import { closeCatches } from '../catch/catch-subscriptions.js';
import type { ExecutionContext } from '../context/execution-context.js';
import { evaluateFeel, evaluateValue, parseFeel, type FeelEnvironment, type FeelOutcome } from '../feel/feel-expression.js';
import { toJsonValue } from '../feel/feel-values.js';
import type { CompiledProcess, GraphFlow, GraphNode } from '../model/process-graph.js';
import { ROOT_SCOPE, type RuntimeState, type ScopeInstance, type Token } from '../state/instance-state.js';
import { resolverFrom, scopeHolding, tokenScope, variablesOf } from '../state/scope-variables.js';
import { completeInnerInstance, multiInstanceBodyBehavior } from '../behaviors/multi-instance/multi-instance-body.behavior.js';
import { isInnerInstance } from '../scope/inner-instance.js';
import { parkBeforeAsync } from './async-continuation.js';

export const DEFAULT_MAX_STEPS = 10_000;

/** `continued`: the token already waited for its async continuation, it enters now. */
type AgendaItem = { op: 'enter'; token: Token; via: string | undefined; continued?: true } | { op: 'complete'; token: Token };

export class Execution implements ExecutionContext {
  readonly effects: Effect[] = [];
  readonly env: FeelEnvironment;
  private readonly agenda: AgendaItem[] = [];
  private head = 0;
  private readonly removed = new Set<Token>();
  private steps = 0;

  constructor(
    readonly graph: CompiledProcess,
    readonly state: RuntimeState,
    readonly newId: () => string,
    now: string,
    private readonly maxSteps: number,
    environment: Omit<FeelEnvironment, 'now'>,
    private readonly decide?: DecideRuleSet,
  ) {
    this.env = { now, ...environment };
  }

  /** Evaluates a rule set through the caller's `decide` (InterpretOptions); a throw is a failure, not a crash. */
  decideRuleSet(ruleSetKey: string, facts: Variables): RuleSetDecisionOutcome {
    if (!this.decide) return { ok: false, message: 'no rule-set evaluation was given to the interpreter' };
    try {
      // The package parameters and the record are facts beside the variables, as they are names in FEEL.
      const environment = {
        params: this.env.params as Variables[string],
        ...(this.env.record === undefined ? {} : { record: this.env.record as Variables[string] }),
      };
      return this.decide(ruleSetKey, { ...facts, ...environment });
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  get now(): string {
    return this.env.now;
  }

  emit(effect: Effect): void {
    // Every ElementLeft names its element's stage, as ElementEntered does, whichever behavior
    // emits it (completion, interruption, a join, an end event).
    if (effect.type === 'ElementLeft' && effect.stage === undefined) {
      const stage = this.graph.nodes[effect.elementId]?.stage;
      if (stage !== undefined) {
        this.effects.push({ ...effect, stage });
        return;
      }
    }
    this.effects.push(effect);
  }

  node(id: string): GraphNode {
    const node = this.graph.nodes[id];
    if (!node) throw new Error(`Unknown node '${id}' in process '${this.graph.id}'`);
    return node;
  }

  flow(id: string): GraphFlow {
    const flow = this.graph.flows[id];
    if (!flow) throw new Error(`Unknown flow '${id}' in process '${this.graph.id}'`);
    return flow;
  }

  // ---- the agenda -------------------------------------------------------------------------

  /** Schedules a token to enter the node it points at. */
  scheduleEnter(token: Token, via: string | undefined): void {
    this.agenda.push({ op: 'enter', token, via });
  }

  /** Schedules a token parked by `stageflow:async` to enter its element now (continueAsync). */
  scheduleContinuation(token: Token, via: string | undefined): void {
    this.agenda.push({ op: 'enter', token, via, continued: true });
  }

  /** Schedules the completion of an activity whose inner work is done. */
  scheduleComplete(token: Token): void {
    this.agenda.push({ op: 'complete', token });
  }

  /** Runs the agenda until every token waits, the instance ends or the step limit is hit. */
  run(): void {
    for (;;) {
      while (this.head < this.agenda.length) {
        const item = this.agenda[this.head++]!;
        if (this.removed.has(item.token)) continue;
        if (++this.steps > this.maxSteps) {
          this.stopAtStepLimit(item);
          return;
        }
        const node = this.node(item.token.nodeId);
        const inner = node.multiInstance !== undefined && isInnerInstance(this, item.token, node);
        const behavior = node.multiInstance !== undefined && !inner ? multiInstanceBodyBehavior : behaviors[node.kind];
        if (item.op === 'enter') {
          if (node.async === true && item.continued === undefined && !inner) {
            parkBeforeAsync(this, item.token, node, item.via);
            continue;
          }
          this.emit(
            node.stage === undefined
              ? { type: 'ElementEntered', elementId: node.id, elementType: node.type }
              : { type: 'ElementEntered', elementId: node.id, elementType: node.type, stage: node.stage },
          );
          // Boundary timers/subscriptions open before the activity runs (src/catch/boundary-events.ts);
          // on a multi-instance activity they belong to the body, not to each inner instance.
          if (node.boundaries !== undefined && !inner && !attachBoundaries(this, item.token, node)) continue;
          behavior.enter(this, item.token, node, item.via);
        } else if (behavior.complete) {
          behavior.complete(this, item.token, node);
        }
      }
      this.agenda.length = 0;
      this.head = 0;
      if (!this.fireReadyInclusiveJoins()) return;
    }
  }

  private stopAtStepLimit(current: AgendaItem): void {
    const message = `Stopped after ${this.maxSteps} steps without reaching a wait state (a loop without a wait state?)`;
    const pending = [current, ...this.agenda.slice(this.head)];
    this.agenda.length = 0;
    this.head = 0;
    const parked = new Set<Token>();
    for (const item of pending) {
      if (this.removed.has(item.token) || parked.has(item.token)) continue;
      parked.add(item.token);
      if (item.op === 'enter' && item.via !== undefined) item.token.via = item.via;
      this.raiseIncident(item.token, message, item.op === 'complete' ? 'complete' : undefined);
    }
  }

  /** Inclusive joins whose missing tokens can no longer arrive fire now. */
  private fireReadyInclusiveJoins(): boolean {
    const checked = new Set<string>();
    for (const token of this.state.tokens) {
      if (token.wait !== 'join') continue;
      const node = this.node(token.nodeId);
      if (node.kind !== 'inclusiveGateway') continue;
      const key = `${token.scopeId}\u0000${node.id}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const fired = behaviors.inclusiveGateway.complete;
      if (this.inclusiveJoinReady(node, token.scopeId) && fired) {
        fired(this, token, node);
        return true;
      }
    }
    return false;
  }

  /** True when no token of the scope can still reach the join by a path not through it. */
  inclusiveJoinReady(join: GraphNode, scopeId: string): boolean {
    const upstream = join.upstream ?? [];
    for (const token of this.state.tokens) {
      if (token.scopeId !== scopeId || token.nodeId === join.id) continue;
      if (upstream.includes(token.nodeId)) return false;
    }
    return true;
  }

  // ---- tokens -----------------------------------------------------------------------------

  createToken(nodeId: string, scopeId: string): Token {
    const token: Token = { id: this.newId(), nodeId, scopeId };
    this.state.tokens.push(token);
    return token;
  }

  findTokenById(id: string): Token | undefined {
    return this.state.tokens.find((token) => token.id === id);
  }

  /** Takes the given outgoing flows of `node`: the token follows the first, new tokens the rest. */
  leave(token: Token, node: GraphNode, flowIds: readonly string[]): void {
    this.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
    // Leaving a node closes what the token still waits for there (boundary timers, ...).
    if (token.catches !== undefined) closeCatches(this, token);
    if (flowIds.length === 0) {
      this.consume(token);
      return;
    }
    for (let i = 0; i < flowIds.length; i++) {
      const flow = this.flow(flowIds[i]!);
      const moving = i === 0 ? token : this.createToken(flow.target, token.scopeId);
      moving.nodeId = flow.target;
      this.emit({ type: 'FlowTaken', elementId: flow.id, elementType: 'bpmn:SequenceFlow' });
      this.scheduleEnter(moving, flow.id);
    }
  }

  /** Parks a token (wait state). */
  park(token: Token, wait: NonNullable<Token['wait']>): void {
    token.wait = wait;
  }

  /** Clears a token's wait so it can move on. */
  resume(token: Token): void {
    delete token.wait;
    delete token.taskId;
    delete token.via;
    delete token.incident;
    delete token.incidentId;
    delete token.retry;
    delete token.continuationId;
    delete token.callId;
    delete token.actionId;
  }

  /** Removes a token without any other consequence (merged at a join, killed, ...). */
  removeToken(token: Token): void {
    const index = this.state.tokens.indexOf(token);
    if (index !== -1) this.state.tokens.splice(index, 1);
    this.removed.add(token);
    if (token.catches !== undefined) closeCatches(this, token);
    if (token.localScopeId !== undefined) delete this.state.scopes[token.localScopeId];
  }

  /** A token ends (end event): its scope completes when no token is left in it. */
  consume(token: Token): void {
    this.removeToken(token);
    this.completeScopeIfDone(token.scopeId);
  }

  completeScopeIfDone(scopeId: string): void {
    // Event subprocess listeners do not keep a scope alive; they go when it completes.
    let listeners: Token[] | undefined;
    for (const other of this.state.tokens) {
      if (other.scopeId !== scopeId) continue;
      if (other.wait !== 'eventSubProcess') return;
      (listeners ??= []).push(other);
    }
    if (listeners) for (const listener of listeners) this.removeToken(listener);
    if (scopeId === ROOT_SCOPE) {
      if (this.state.status === 'active' || this.state.status === 'incident') {
        this.state.status = 'completed';
        this.emit({ type: 'InstanceCompleted' });
      }
      return;
    }
    const scope = this.state.scopes[scopeId];
    const owner = scope ? this.findTokenById(scope.tokenId) : undefined;
    if (owner) this.scheduleComplete(owner);
  }

  /**
   * Kills every token in the scope instance and in the scopes nested in it (open tasks are
   * cancelled). The scope instance itself stays (its owner completes it).
   */
  killScope(scopeId: string): void {
    const inside = (id: string | undefined): boolean => {
      let current = id;
      while (current !== undefined && current !== ROOT_SCOPE) {
        if (current === scopeId) return true;
        current = this.state.scopes[current]?.parentId;
      }
      return scopeId === ROOT_SCOPE;
    };
    // Decide first, remove after: removing a token drops its local scope, which would cut the
    // scope chain of the tokens nested below it (a subprocess inside the killed scope).
    const doomed = this.state.tokens.filter((token) => inside(token.scopeId));
    const doomedScopes = Object.keys(this.state.scopes).filter((id) => id !== scopeId && inside(this.state.scopes[id]!.parentId));
    for (const token of doomed) {
      this.cancelWaits(token);
      this.removeToken(token);
      this.leftWhenKilled(token);
    }
    for (const id of doomedScopes) delete this.state.scopes[id];
  }

  /**
   * A parked token that is killed or interrupted leaves its element (ElementLeft), so that
   * the engine's list of active elements stays true. A token parked before its element
   * (stageflow:async) never entered it, nor did an event subprocess's listener.
   */
  leftWhenKilled(token: Token): void {
    if (token.wait === undefined || token.wait === 'async' || token.wait === 'eventSubProcess') return;
    const node = this.graph.nodes[token.nodeId];
    // A listener in an incident (its catch could not open) has not entered either; a running
    // event subprocess instance always owns its scope.
    if (node?.kind === 'eventSubProcess' && token.localScopeId === undefined) return;
    if (node) this.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
  }

  /** The outside world stops waiting for this token: its open task, its called process, its action, its incident. */
  cancelWaits(token: Token): void {
    if (token.taskId !== undefined) this.emit({ type: 'TaskCancelled', taskId: token.taskId, elementId: token.nodeId });
    if (token.callId !== undefined) this.emit({ type: 'CalledProcessCancelled', callId: token.callId, elementId: token.nodeId });
    if (token.actionId !== undefined) this.emit({ type: 'ActionCancelled', actionId: token.actionId, elementId: token.nodeId });
    // A token killed or interrupted while parked in an incident takes the incident with it.
    if (token.wait === 'incident' && token.incidentId !== undefined)
      this.emit({ type: 'IncidentResolved', incidentId: token.incidentId, elementId: token.nodeId });
  }

  /**
   * Parks the token in an incident. `phase` 'complete': the activity failed while completing
   * (an output mapping), so retryIncident completes it again instead of entering it again.
   */
  raiseIncident(token: Token, message: string, phase?: 'complete'): void {
    token.wait = 'incident';
    if (phase !== undefined) token.retry = phase;
    token.incident = message;
    token.incidentId = this.newId();
    this.emit({ type: 'IncidentRaised', incidentId: token.incidentId, elementId: token.nodeId, message });
  }

  // ---- scopes and variables ---------------------------------------------------------------

  /** Opens the activity's own scope instance (for input mappings and subprocess variables). */
  openLocalScope(token: Token, node: GraphNode): ScopeInstance {
    const scope: ScopeInstance = { id: this.newId(), nodeId: node.id, parentId: token.scopeId, tokenId: token.id, variables: {} };
    this.state.scopes[scope.id] = scope;
    token.localScopeId = scope.id;
    return scope;
  }

  /**
   * The update rule for variables given from outside (task completion): each variable
   * updates the nearest scope, from `scopeId` outwards, that already has it, else the
   * instance scope. One VariablesChanged per written scope.
   */
  writeNearest(scopeId: string, changes: Variables, elementId: string): void {
    this.writeVariables(scopeId, changes, elementId, ROOT_SCOPE);
  }

  /** Writes into `scopeId` itself (locals, e.g. completion variables of a task with outputs). */
  writeLocal(scopeId: string, changes: Variables, elementId: string): void {
    const variables = variablesOf(this.state, scopeId);
    if (!variables) return;
    Object.assign(variables, changes);
    this.emitChanges(scopeId, changes, elementId);
  }

  /**
   * Output mappings write to the enclosing scope: an existing variable of that scope or of
   * an outer one is updated where it lives, a new one is created in the enclosing scope.
   */
  writeOutputs(enclosingScopeId: string, changes: Variables, elementId: string): void {
    this.writeVariables(enclosingScopeId, changes, elementId, enclosingScopeId);
  }

  private writeVariables(scopeId: string, changes: Variables, elementId: string, fallbackScopeId: string): void {
    let byScope: Map<string, Variables> | undefined;
    for (const name of Object.keys(changes)) {
      const target = scopeHolding(this.state, scopeId, name) ?? fallbackScopeId;
      const variables = variablesOf(this.state, target);
      if (!variables) continue;
      variables[name] = changes[name]!;
      byScope ??= new Map();
      let written = byScope.get(target);
      if (!written) byScope.set(target, (written = {}));
      written[name] = changes[name]!;
    }
    if (byScope) for (const [target, written] of byScope) this.emitChanges(target, written, elementId);
  }

  private emitChanges(scopeId: string, changes: Variables, elementId: string): void {
    if (Object.keys(changes).length === 0) return;
    this.emit(scopeId === ROOT_SCOPE ? { type: 'VariablesChanged', changes, elementId } : { type: 'VariablesChanged', changes, elementId, scopeId });
  }

  // ---- FEEL -------------------------------------------------------------------------------

  /** Evaluates an attribute value (`= expr` or a literal) in the token's scope. */
  evaluate(value: string, scopeId: string): FeelOutcome {
    return evaluateValue(value, resolverFrom(this.state, scopeId), this.env);
  }

  /** Evaluates a mapping source to a storable JSON value. */
  evaluateJson(value: string, scopeId: string): { ok: true; value: JsonValue } | { ok: false; message: string } {
    const outcome = this.evaluate(value, scopeId);
    if (!outcome.ok) return outcome;
    const converted = toJsonValue(outcome.value);
    return converted.ok ? converted : { ok: false, message: `'${value}' gave a value that cannot be stored: ${converted.message}` };
  }

  /** Evaluates a flow's condition; a flow without one is true. Anything but a boolean fails. */
  evaluateCondition(flow: GraphFlow, scopeId: string): { ok: true; value: boolean } | { ok: false; message: string } {
    if (flow.condition === undefined) return { ok: true, value: true };
    const parsed = parseFeel(flow.condition);
    if (!parsed.ok) return { ok: false, message: `Condition of flow '${flow.id}': ${parsed.message}` };
    const outcome = evaluateFeel(parsed.expression, resolverFrom(this.state, scopeId), this.env);
    if (!outcome.ok) return { ok: false, message: `Condition of flow '${flow.id}': ${outcome.message}` };
    if (typeof outcome.value !== 'boolean') {
      const why = parsed.expression.warnings?.map((w) => w.message).join('; ');
      return {
        ok: false,
        message: `Condition of flow '${flow.id}' ('${flow.condition}') gave ${describe(outcome.value)} instead of a boolean${why ? ` (${why})` : ''}`,
      };
    }
    return { ok: true, value: outcome.value };
  }

  // ---- activities -------------------------------------------------------------------------

  /**
   * Runs the input mappings of an activity into its local scope (opened if needed).
   * Returns false when a mapping failed (the token then has an incident).
   */
  applyInputs(token: Token, node: GraphNode): boolean {
    if (!node.inputs) return true;
    const scope = token.localScopeId !== undefined ? this.state.scopes[token.localScopeId]! : this.openLocalScope(token, node);
    for (const mapping of node.inputs) {
      const result = this.evaluateJson(mapping.source, scope.id);
      if (!result.ok) {
        this.raiseIncident(token, `Input mapping '${mapping.target}' of '${node.id}' failed: ${result.message}`);
        return false;
      }
      scope.variables[mapping.target] = result.value;
    }
    return true;
  }

  /**
   * Completes an activity: output mappings write to the enclosing scope, the local scope
   * closes and the token leaves by all outgoing flows. Returns false on an incident.
   */
  completeActivity(token: Token, node: GraphNode): boolean {
    if (node.outputs) {
      const scopeId = tokenScope(token);
      const changes: Variables = {};
      for (const mapping of node.outputs) {
        const result = this.evaluateJson(mapping.source, scopeId);
        if (!result.ok) {
          this.raiseIncident(token, `Output mapping '${mapping.target}' of '${node.id}' failed: ${result.message}`, 'complete');
          return false;
        }
        changes[mapping.target] = result.value;
      }
      this.writeOutputs(token.scopeId, changes, node.id);
    }
    if (node.multiInstance !== undefined && isInnerInstance(this, token, node)) return completeInnerInstance(this, token, node);
    if (token.localScopeId !== undefined) {
      delete this.state.scopes[token.localScopeId];
      delete token.localScopeId;
    }
    this.resume(token);
    this.leave(token, node, node.outgoing);
    return true;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a context';
  return `${typeof value} ${String(value)}`;
}
