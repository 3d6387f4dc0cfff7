// A command whose result the database cannot store — a FEEL expression that produced a NUL or a
// lone surrogate, variables over the size limit, a number or date out of PostgreSQL's range — would
// fail its write on every retry. It ends instead as a `storage` incident on the element the command
// was about, the instance's state left as it was, and the caller told which incident.
import { tokensOf, type Command, type InstanceState } from '@stageflow/bpmn-runtime';
import { findUnstorableText } from '../../platform/http/storable-text.js';
import { emptyPlan, type EffectsPlan } from './effects-plan.js';

/** Why `state` cannot be stored, or undefined when it can: checked before the write. */
export function unstorableReason(state: InstanceState, maxVariablesBytes: number): string | undefined {
  const variables = state.variables ?? {};
  const found = findUnstorableText(variables);
  if (found) return `the variable at ${found.path} ${found.message}`;
  const bytes = Buffer.byteLength(JSON.stringify(variables));
  if (bytes > maxVariablesBytes) {
    return `the instance's variables would take ${bytes} bytes, more than the limit of ${maxVariablesBytes} (STAGEFLOW_MAX_VARIABLES_BYTES)`;
  }
  return undefined;
}

/**
 * A write PostgreSQL refused for what it holds, not for a race or an outage: data exceptions
 * (class 22: out of range, invalid text, bad datetime) and program limits (class 54: too large).
 */
export function isUnstorableWriteError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('54'));
}

/** The element a command was about, when it names one (a task completion: the task's element). */
export function commandElement(state: InstanceState, command: Command): string | null {
  if (command.type !== 'completeTask') return null;
  return tokensOf(state).find((token) => token.taskId === command.taskId)?.elementId ?? null;
}

/** The rows of a command dropped because its result cannot be stored: one incident and its history row. */
export function storagePlan(incidentId: string, elementId: string | null, message: string, active: readonly string[]): EffectsPlan {
  const plan = emptyPlan(active);
  plan.incidents.push({ id: incidentId, elementId, kind: 'storage', message });
  plan.history.push({ elementId, elementType: null, event: 'incident', payload: { kind: 'storage', incidentId, message } });
  return plan;
}
