// A record's fields as the edit form holds them (text in inputs, a flag in a checkbox) and back to
// the values PATCH takes: only the fields that changed are sent, an emptied field as null, and a
// value the form cannot read (a number typed as "abc") as typed — the engine's 400 then names it.
import type { RecordField, RecordFieldKind } from '@stageflow/api-contract';

export type Draft = string | boolean;
export type Drafts = Record<string, Draft>;

const EDITABLE: ReadonlySet<RecordFieldKind> = new Set([
  'text',
  'longText',
  'enum',
  'catalog',
  'emails',
  'phones',
  'url',
  'integer',
  'decimal',
  'currency',
  'date',
  'datetime',
  'boolean',
  'record',
]);

/** The fields the record form edits: not set by the engine, and of a kind it has an input for. */
export function editableFields(fields: readonly RecordField[]): RecordField[] {
  return fields.filter((field) => !field.readOnly && EDITABLE.has(field.kind));
}

/** `2026-12-07T09:30:00.000Z` -> `2026-12-07T10:30` in the browser's zone (a datetime-local input). */
function toLocalInput(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function toDraft(field: RecordField, value: unknown): Draft {
  if (field.kind === 'boolean') return value === true;
  if (value === null || value === undefined) return '';
  if (field.kind === 'emails' || field.kind === 'phones') return Array.isArray(value) ? value.join('\n') : String(value);
  if (field.kind === 'datetime') return toLocalInput(String(value));
  return String(value);
}

export function fromDraft(field: RecordField, draft: Draft): unknown {
  if (field.kind === 'boolean') return draft === true;
  const text = String(draft).trim();
  if (field.kind === 'emails' || field.kind === 'phones') {
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }
  if (text === '') return null;
  if (field.kind === 'integer' || field.kind === 'decimal') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (field.kind === 'datetime') {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toISOString();
  }
  return text;
}

export function draftsOf(fields: readonly RecordField[], record: Record<string, unknown>): Drafts {
  return Object.fromEntries(fields.map((field) => [field.name, toDraft(field, record[field.name])]));
}

/** The PATCH body: each field whose draft reads differently from what the record holds. */
export function changesOf(fields: readonly RecordField[], record: Record<string, unknown>, drafts: Drafts): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const draft = drafts[field.name];
    if (draft === undefined) continue;
    const value = fromDraft(field, draft);
    const current = fromDraft(field, toDraft(field, record[field.name]));
    if (JSON.stringify(value) !== JSON.stringify(current)) changes[field.name] = value;
  }
  return changes;
}
