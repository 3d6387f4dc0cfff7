// A user's edit of instance variables (PATCH /process-instances/{id}/variables): the setVariables
// command, whose history event says who changed which variable from what to what. The old values
// come from the state the command ran on, so they are exactly what the edit replaced (a lost race
// re-reads the instance and computes them again).
import type { JsonValue, Variables } from '@stageflow/bpmn-runtime';
import { Invalid } from '../../platform/errors/domain-errors.js';
import type { EffectsPlan, HistoryRow } from './effects-plan.js';

/** One variable an edit set: `old` is absent when the instance had no such variable. */
export interface VariableChange {
  name: string;
  old?: JsonValue;
  new: JsonValue;
}

/** The `variables-edited` event of an edit of `changes` over `previous` (the instance scope as read) by `by`. */
export function variableEditEvent(previous: Variables, changes: Variables, by: string): HistoryRow {
  const list: VariableChange[] = Object.entries(changes).map(([name, value]) =>
    Object.hasOwn(previous, name) ? { name, old: previous[name]!, new: value } : { name, new: value },
  );
  return { elementId: null, elementType: null, event: 'variables-edited', payload: { by, changes: list } };
}

/** The edit's plan: its `variables-changed` row (which names no one) becomes the `variables-edited` event. */
export function recordVariableEdit(plan: EffectsPlan, previous: Variables, changes: Variables, by: string): void {
  plan.history = plan.history.filter((row) => row.event !== 'variables-changed');
  plan.history.unshift(variableEditEvent(previous, changes, by));
}

/**
 * An edit whose result cannot be stored (the variables over the size limit, a value the database
 * refuses): bad input naming the edited variable that weighs most, so the admin sees which to change.
 */
export function refusedEdit(changes: Variables, reason: string): Invalid {
  const weight = (name: string): number => JSON.stringify(changes[name]).length;
  const heaviest = Object.keys(changes).reduce((a, b) => (weight(b) > weight(a) ? b : a));
  return Invalid.field(`variables.${heaviest}`, `cannot be stored: ${reason}`);
}
