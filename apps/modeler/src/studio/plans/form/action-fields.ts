// The fields of each action type as the forms show them (docs/actions.md, docs/rules.md#actions):
// text fields are liquid templates, `json` fields hold an object, `list` fields one template a
// line, `choice` fields one of their options. The engine's schema stays the judge (Validate).
import type { ActionType } from '@stageflow/process-package';

export type ActionFieldKind = 'text' | 'longText' | 'json' | 'list' | 'choice' | 'boolean' | 'assignment';

export interface ActionField {
  name: string;
  kind: ActionFieldKind;
  required?: boolean;
  options?: readonly string[];
}

const text = (name: string, required = false): ActionField => ({ name, kind: 'text', required });
const longText = (name: string, required = false): ActionField => ({ name, kind: 'longText', required });
const json = (name: string, required = false): ActionField => ({ name, kind: 'json', required });

export const ACTION_FIELDS: Readonly<Record<ActionType, readonly ActionField[]>> = {
  createTask: [text('title', true), longText('description'), text('dueIn'), { name: 'assignment', kind: 'assignment' }],
  sendEmail: [text('to', true), text('subject', true), longText('body'), text('template'), { name: 'attachments', kind: 'list' }],
  callWebhook: [text('url', true), longText('body'), text('secret')],
  setVariables: [json('variables', true)],
  startProcess: [text('processKey', true), json('variables'), text('businessKey')],
  notifyUser: [text('user', true), longText('message', true)],
  startContactPlan: [text('plan', true)],
  setRecordFields: [json('fields', true), text('record')],
  createRecord: [
    { name: 'recordType', kind: 'choice', required: true, options: ['organization', 'contact', 'lead', 'opportunity', 'activity'] },
    json('fields', true),
    text('resultVariable'),
  ],
  addActivity: [
    { name: 'kind', kind: 'choice', required: true, options: ['call', 'meeting', 'email', 'task', 'note'] },
    text('subject', true),
    longText('body'),
    text('dueAt'),
    text('dueIn'),
    { name: 'done', kind: 'boolean' },
    text('resultVariable'),
  ],
  createDocument: [text('template', true), text('fileName', true), text('record'), text('resultVariable')],
};

export const ACTION_TYPES = Object.keys(ACTION_FIELDS) as ActionType[];

/** What a contact plan's step may run (docs/actions.md: no setVariables, startContactPlan or record-changing actions but addActivity). */
export const STEP_ACTION_TYPES: readonly ActionType[] = ['createTask', 'sendEmail', 'callWebhook', 'startProcess', 'notifyUser', 'addActivity'];

export type ActionDraft = Record<string, unknown> & { type: string };

/** The action with another type: the fields the new type also has are kept, the others dropped. */
export function withType(action: ActionDraft, type: ActionType): ActionDraft {
  const kept = new Set(ACTION_FIELDS[type].map((field) => field.name));
  return { type, ...Object.fromEntries(Object.entries(action).filter(([name]) => kept.has(name))) };
}

/** The action with `name` set, or removed when the value is empty (an empty text, list or unset choice). */
export function withField(action: ActionDraft, name: string, value: unknown): ActionDraft {
  const next: ActionDraft = { ...action };
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[name];
  else next[name] = value;
  return next;
}

/** A list field's text, one item a line, and back (blank lines dropped). */
export function listText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('\n') : '';
}

export function listOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
