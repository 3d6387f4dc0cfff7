// The results of the kinds whose shape is fixed (docs/rules.md, "Results by kind"), as form fields;
// classification and actions results are free objects and stay JSON.
import type { RuleSetKind } from '@stageflow/process-package';

export interface ResultField {
  name: string;
  kind: 'text' | 'list' | 'strategy';
  required?: boolean;
}

export const RESULT_FIELDS: Readonly<Partial<Record<RuleSetKind, readonly ResultField[]>>> = {
  territory: [
    { name: 'territory', kind: 'text', required: true },
    { name: 'team', kind: 'text' },
    { name: 'owner', kind: 'text' },
    { name: 'actions', kind: 'list' },
  ],
  assignment: [
    { name: 'strategy', kind: 'strategy', required: true },
    { name: 'team', kind: 'text' },
    { name: 'skills', kind: 'list' },
  ],
  exitCriteria: [
    { name: 'reason', kind: 'text', required: true },
    { name: 'hint', kind: 'text' },
    { name: 'field', kind: 'text' },
    { name: 'task', kind: 'text' },
  ],
};

export const STRATEGIES = ['territoryOwner', 'roundRobin', 'leastOpenTasks', 'skillMatch', 'unsorted'] as const;

/** The result with `name` set, or left out when empty; other properties are kept (the engine judges them). */
export function withResultField(result: unknown, name: string, value: string | string[]): Record<string, unknown> {
  const next = { ...(typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as Record<string, unknown>) : {}) };
  if (value === '' || (Array.isArray(value) && value.length === 0)) delete next[name];
  else next[name] = value;
  return next;
}

/** The form can show the result: an object whose listed fields hold what the form edits (texts, lists of texts). */
export function formFits(kind: RuleSetKind, result: unknown): boolean {
  const fields = RESULT_FIELDS[kind];
  if (fields === undefined || typeof result !== 'object' || result === null || Array.isArray(result)) return false;
  const record = result as Record<string, unknown>;
  const names = new Set(fields.map((field) => field.name));
  return Object.entries(record).every(
    ([name, value]) => names.has(name) && (typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))),
  );
}
