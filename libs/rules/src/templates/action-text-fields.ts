// Which fields of each action type are liquidjs templates: the deploy check and the renderer
// read this one table. String values inside setVariables / startProcess `variables` are
// templates too (walked by jsonStrings), and so are those inside a record action's `fields` and
// each of a sendEmail's `attachments`.
import type { JsonValue, RuleAction } from '@stageflow/process-package';

export const actionTextFields: { [T in RuleAction['type']]: ReadonlyArray<keyof Extract<RuleAction, { type: T }>> } = {
  createTask: ['title', 'description'],
  sendEmail: ['to', 'subject', 'body'],
  callWebhook: ['url', 'body'],
  setVariables: [],
  startProcess: ['businessKey'],
  notifyUser: ['user', 'message'],
  startContactPlan: ['plan'],
  setRecordFields: ['record', 'reason'],
  createRecord: [],
  addActivity: ['subject', 'body', 'dueAt'],
  createDocument: ['fileName', 'record'],
};

/** A copy of `value` with every string (at any depth) replaced by `map(string, path)`. */
export function mapJsonStrings(value: JsonValue, path: string, map: (text: string, path: string) => JsonValue): JsonValue {
  if (typeof value === 'string') return map(value, path);
  if (Array.isArray(value)) return value.map((item, index) => mapJsonStrings(item, `${path}[${index}]`, map));
  if (value !== null && typeof value === 'object') {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) copy[key] = mapJsonStrings(item, `${path}.${key}`, map);
    return copy;
  }
  return value;
}
