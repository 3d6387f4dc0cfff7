// Multi-instance (parallel and sequential) on user tasks, manual tasks, embedded subprocesses
// and call activities. The token that arrives is the *body*: it evaluates
// `stageflow:collection` once, opens the body scope (with the progress counters) and starts
// one *inner instance* per item — all at once (parallel) or one after the other (sequential).
// Each inner instance is a token at the same element inside its own scope instance holding
// the item (`stageflow:elementVariable`) and `loopCounter` (1-based); the element's normal
// behavior runs it, including its input/output mappings. Boundary events and async belong to
// the body.
//
// When an inner instance completes, `stageflow:outputElement` (evaluated in what the inner
// instance sees) fills its slot of the output list, in collection order whatever the order of
// completion, and `bpmn:completionCondition` is evaluated over nrOfInstances,
// nrOfCompletedInstances, nrOfActiveInstances and the inner instance's variables; when true,
// the remaining inner instances are cancelled (their slots stay null). When all are done or
// the condition holds, the list is written to `stageflow:outputCollection` in the enclosing
// scope and the body leaves. An empty collection skips the activity (outputCollection = []);
// a collection that is not a list raises an incident on the body.
import type { JsonValue } from '../../contract/state.js';
import { evaluateFeel, parseFeel } from '../../feel/feel-expression.js';
import { toJsonValue } from '../../feel/feel-values.js';
import type { ExecutionContext } from '../../context/execution-context.js';
import { LOOP_COUNTER } from '../../model/compile-multi-instance.js';
import type { GraphNode, MultiInstanceSpec } from '../../model/process-graph.js';
import type { ScopeInstance, Token } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';
import { resolverFrom, tokenScope } from '../../state/scope-variables.js';

export const multiInstanceBodyBehavior: Behavior = {
  enter(execution, body, node) {
    const spec = node.multiInstance!;
    const items = evaluateCollection(execution, body, node, spec);
    if (items === undefined) return;
    if (items.length === 0) {
      if (spec.outputCollection !== undefined) execution.writeOutputs(body.scopeId, { [spec.outputCollection]: [] }, node.id);
      execution.leave(body, node, node.outgoing);
      return;
    }
    const scope = execution.openLocalScope(body, node);
    scope.multiInstance = { total: items.length, completed: 0 };
    if (spec.sequential) scope.multiInstance.items = items;
    if (spec.outputCollection !== undefined) scope.multiInstance.outputs = items.map(() => null);
    execution.park(body, 'multiInstance');
    if (spec.sequential) startInnerInstance(execution, scope, node, 0, items[0]!);
    else items.forEach((item, index) => startInnerInstance(execution, scope, node, index, item));
  },
};

function evaluateCollection(execution: ExecutionContext, body: Token, node: GraphNode, spec: MultiInstanceSpec): JsonValue[] | undefined {
  const outcome = execution.evaluate(spec.collection, tokenScope(body));
  if (!outcome.ok) {
    execution.raiseIncident(body, `stageflow:collection of '${node.id}' failed: ${outcome.message}`);
    return undefined;
  }
  if (!Array.isArray(outcome.value)) {
    const got =
      outcome.value === null || outcome.value === undefined
        ? 'null'
        : typeof outcome.value === 'object'
          ? 'a context'
          : `${typeof outcome.value} ${JSON.stringify(outcome.value)}`;
    execution.raiseIncident(body, `stageflow:collection of '${node.id}' ('${spec.collection}') gave ${got} instead of a list`);
    return undefined;
  }
  const converted = toJsonValue(outcome.value);
  if (!converted.ok || !Array.isArray(converted.value)) {
    execution.raiseIncident(body, `stageflow:collection of '${node.id}' gave items that cannot be stored: ${converted.ok ? 'not a list' : converted.message}`);
    return undefined;
  }
  return converted.value;
}

function startInnerInstance(execution: ExecutionContext, body: ScopeInstance, node: GraphNode, index: number, item: JsonValue): void {
  const spec = node.multiInstance!;
  // The inner scope's owner is the body's token (as for the body scope): whoever walks scopes
  // outwards (variables, thrown errors, boundary lookup) goes inner instance -> body -> enclosing.
  const scope: ScopeInstance = { id: execution.newId(), nodeId: node.id, parentId: body.id, tokenId: body.tokenId, variables: { [LOOP_COUNTER]: index + 1 } };
  if (spec.elementVariable !== undefined) scope.variables[spec.elementVariable] = item;
  execution.state.scopes[scope.id] = scope;
  execution.scheduleEnter(execution.createToken(node.id, scope.id), undefined);
}

/**
 * An inner instance's activity is done (its output mappings ran). Returns false when the
 * output element or the completion condition failed: the inner token then has an incident
 * whose retry completes it again (nothing has been counted yet).
 */
export function completeInnerInstance(execution: ExecutionContext, token: Token, node: GraphNode): boolean {
  const spec = node.multiInstance!;
  const inner = execution.state.scopes[token.scopeId]!;
  const scope = execution.state.scopes[inner.parentId]!;
  const progress = scope.multiInstance!;
  const view = tokenScope(token);

  let output: JsonValue = null;
  if (spec.outputElement !== undefined) {
    const result = execution.evaluateJson(spec.outputElement, view);
    if (!result.ok) {
      execution.raiseIncident(token, `stageflow:outputElement of '${node.id}' failed: ${result.message}`, 'complete');
      return false;
    }
    output = result.value;
  }
  const completed = progress.completed + 1;
  let finished = completed === progress.total;
  if (spec.completionCondition !== undefined) {
    const active = spec.sequential ? 0 : progress.total - completed;
    const condition = evaluateCompletionCondition(execution, spec.completionCondition, view, {
      nrOfInstances: progress.total,
      nrOfCompletedInstances: completed,
      nrOfActiveInstances: active,
    });
    if (!condition.ok) {
      execution.raiseIncident(token, `bpmn:completionCondition of '${node.id}': ${condition.message}`, 'complete');
      return false;
    }
    finished ||= condition.value;
  }

  execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
  if (progress.outputs) progress.outputs[(inner.variables[LOOP_COUNTER] as number) - 1] = output;
  progress.completed = completed;
  execution.removeToken(token);
  delete execution.state.scopes[inner.id];
  if (finished) {
    execution.killScope(scope.id);
    completeBody(execution, scope, node);
  } else if (spec.sequential) {
    startInnerInstance(execution, scope, node, completed, progress.items![completed]!);
  }
  return true;
}

function evaluateCompletionCondition(
  execution: ExecutionContext,
  condition: string,
  scopeId: string,
  counters: Record<string, number>,
): { ok: true; value: boolean } | { ok: false; message: string } {
  const parsed = parseFeel(condition);
  if (!parsed.ok) return parsed;
  const resolve = resolverFrom(execution.state, scopeId);
  const outcome = evaluateFeel(parsed.expression, (name) => (Object.hasOwn(counters, name) ? counters[name] : resolve(name)), execution.env);
  if (!outcome.ok) return outcome;
  if (typeof outcome.value !== 'boolean') return { ok: false, message: `'${condition}' gave ${JSON.stringify(outcome.value ?? null)} instead of a boolean` };
  return { ok: true, value: outcome.value };
}

/** Every inner instance is done (or was cancelled): write the output list and leave. */
function completeBody(execution: ExecutionContext, scope: ScopeInstance, node: GraphNode): void {
  const body = execution.findTokenById(scope.tokenId)!;
  const spec = node.multiInstance!;
  delete execution.state.scopes[scope.id];
  delete body.localScopeId;
  if (spec.outputCollection !== undefined) execution.writeOutputs(body.scopeId, { [spec.outputCollection]: scope.multiInstance!.outputs! }, node.id);
  execution.resume(body);
  execution.leave(body, node, node.outgoing);
}
