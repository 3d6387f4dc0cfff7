// User task: a wait state. Entering runs the input mappings, evaluates the stageflow task
// attributes (assignee, candidate groups, due date, priority, form key) and emits
// TaskCreated; completing the task writes the given variables and leaves.
//
// `stageflow:assignment="<key>"`: when no `stageflow:assignee` gives a user, the assignment
// rule set is evaluated through the caller's `decide` (facts: the variables visible to the
// task) and its decision rides on TaskCreated.assignment; the engine turns it into a user.
//
// Completion variables: without output mappings they update the nearest scope that already
// has each variable, else the instance scope. With output mappings they stay local to the
// task (like Zeebe) and only the outputs reach the enclosing scope.
import type { Effect, TaskAssignment } from '../../contract/effects.js';
import type { ExecutionContext } from '../../context/execution-context.js';
import { toDueInstant } from '../../feel/feel-values.js';
import type { GraphNode } from '../../model/process-graph.js';
import type { Token } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';
import { tokenScope, visibleVariables } from '../../state/scope-variables.js';

type TaskCreated = Extract<Effect, { type: 'TaskCreated' }>;
type Attempt<T> = { ok: true; value: T } | { ok: false; message: string };

function attribute(execution: ExecutionContext, node: GraphNode, scopeId: string, name: 'assignee' | 'formKey'): Attempt<string | undefined> {
  const value = node.userTask?.[name];
  if (value === undefined) return { ok: true, value: undefined };
  const outcome = execution.evaluate(value, scopeId);
  if (!outcome.ok) return outcome;
  if (outcome.value === null) return { ok: true, value: undefined };
  if (typeof outcome.value === 'string') return { ok: true, value: outcome.value };
  if (typeof outcome.value === 'number') return { ok: true, value: String(outcome.value) };
  return { ok: false, message: `stageflow:${name} must give a string` };
}

function candidateGroups(execution: ExecutionContext, node: GraphNode, scopeId: string): Attempt<string[]> {
  const value = node.userTask?.candidateGroups;
  if (value === undefined) return { ok: true, value: [] };
  const outcome = execution.evaluate(value, scopeId);
  if (!outcome.ok) return outcome;
  const raw = outcome.value;
  if (raw === null) return { ok: true, value: [] };
  if (typeof raw === 'string') return { ok: true, value: splitList(raw) };
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return { ok: true, value: raw.map((item) => item.trim()).filter(Boolean) };
  return { ok: false, message: 'stageflow:candidateGroups must give a comma-separated string or a list of strings' };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function dueAt(execution: ExecutionContext, node: GraphNode, scopeId: string): Attempt<string | undefined> {
  const value = node.userTask?.dueDate;
  if (value === undefined) return { ok: true, value: undefined };
  const outcome = execution.evaluate(value, scopeId);
  if (!outcome.ok) return outcome;
  if (outcome.value === null) return { ok: true, value: undefined };
  const due = toDueInstant(outcome.value, execution.now);
  return due.ok ? due : { ok: false, message: `stageflow:dueDate: ${due.message}` };
}

function priority(execution: ExecutionContext, node: GraphNode, scopeId: string): Attempt<number | undefined> {
  const value = node.userTask?.priority;
  if (value === undefined) return { ok: true, value: undefined };
  const outcome = execution.evaluate(value, scopeId);
  if (!outcome.ok) return outcome;
  const raw = typeof outcome.value === 'string' && /^\s*-?\d+\s*$/.test(outcome.value) ? Number(outcome.value) : outcome.value;
  if (raw === null) return { ok: true, value: undefined };
  if (typeof raw === 'number' && Number.isInteger(raw)) return { ok: true, value: raw };
  return { ok: false, message: 'stageflow:priority must give an integer' };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The assignment rule set's decision: `{ strategy, team?, skills? }` or null (no rule matched, no fallback). */
function assignment(execution: ExecutionContext, node: GraphNode, scopeId: string): Attempt<TaskAssignment> {
  const ruleSet = node.userTask!.assignment!;
  const outcome = execution.decideRuleSet(ruleSet, visibleVariables(execution.state, scopeId));
  if (!outcome.ok) return { ok: false, message: `stageflow:assignment rule set '${ruleSet}' could not be evaluated: ${outcome.message}` };
  const value = outcome.value;
  if (value === null) return { ok: true, value: { ruleSet, decision: null } };
  if (typeof value === 'object' && !Array.isArray(value) && typeof value.strategy === 'string') {
    const decision: TaskAssignment['decision'] & object = { strategy: value.strategy };
    if (typeof value.team === 'string') decision.team = value.team;
    if (isStringList(value.skills)) decision.skills = value.skills;
    return { ok: true, value: { ruleSet, decision } };
  }
  return { ok: false, message: `stageflow:assignment rule set '${ruleSet}' gave no assignment (an object with a strategy): ${JSON.stringify(value)}` };
}

function createTask(execution: ExecutionContext, token: Token, node: GraphNode): void {
  const scopeId = tokenScope(token);
  const effect: TaskCreated = { type: 'TaskCreated', taskId: '', elementId: node.id, candidateGroups: [], variables: {} };
  if (node.userTask) {
    const assignee = attribute(execution, node, scopeId, 'assignee');
    const groups = candidateGroups(execution, node, scopeId);
    const due = dueAt(execution, node, scopeId);
    const rank = priority(execution, node, scopeId);
    const formKey = attribute(execution, node, scopeId, 'formKey');
    for (const result of [assignee, groups, due, rank, formKey]) {
      if (!result.ok) {
        execution.raiseIncident(token, `User task '${node.id}': ${result.message}`);
        return;
      }
    }
    if (assignee.ok && assignee.value !== undefined) effect.assignee = assignee.value;
    if (groups.ok) effect.candidateGroups = groups.value;
    if (due.ok && due.value !== undefined) effect.dueAt = due.value;
    if (rank.ok && rank.value !== undefined) effect.priority = rank.value;
    if (formKey.ok && formKey.value !== undefined) effect.formKey = formKey.value;
    if (effect.assignee === undefined && node.userTask.assignment !== undefined) {
      const decided = assignment(execution, node, scopeId);
      if (!decided.ok) {
        execution.raiseIncident(token, `User task '${node.id}': ${decided.message}`);
        return;
      }
      effect.assignment = decided.value;
    }
  }
  if (node.name !== undefined) effect.name = node.name;
  effect.taskId = execution.newId();
  effect.variables = visibleVariables(execution.state, scopeId);
  execution.park(token, 'task');
  token.taskId = effect.taskId;
  execution.emit(effect);
}

export const userTaskBehavior: Behavior = {
  enter(execution, token, node) {
    if (!execution.applyInputs(token, node)) return;
    createTask(execution, token, node);
  },
  completeTask(execution, token, node, variables) {
    const taskId = token.taskId!;
    execution.emit({ type: 'TaskCompleted', taskId, elementId: node.id, variables });
    delete token.taskId;
    if (node.outputs) {
      const local = token.localScopeId !== undefined ? token.localScopeId : execution.openLocalScope(token, node).id;
      execution.writeLocal(local, variables, node.id);
    } else {
      execution.writeNearest(tokenScope(token), variables, node.id);
    }
    execution.completeActivity(token, node);
  },
};
