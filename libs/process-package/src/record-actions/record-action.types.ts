// Actions by which a process changes the CRM's records (issue 11): set fields of the record the
// instance is about, create a record, add an activity to the instance's record. Their text fields
// are liquidjs templates like every action's; a rendered `fields` value is a string, which the
// engine reads by the field's kind (a number for `value`, true/false for a boolean, "" clears).
import type { JsonObject } from '../variables/json-value.js';

/** The record types a process may create. */
export type ActionRecordType = 'organization' | 'contact' | 'lead' | 'opportunity' | 'activity';

/** Sets fields of a record: by default the one the instance is about (its business key `<type>:<id>`). */
export interface SetRecordFieldsAction {
  type: 'setRecordFields';
  /** A template rendering to a business key `<type>:<id>`; absent: the instance's own record. */
  record?: string;
  /** Field values by API name (`status`, `classification`, `custom`…); every string is a template. */
  fields: JsonObject;
  /** A template: why, as the record's history shows it beside the process (e.g. who the owner is and why). */
  reason?: string;
}

/** Creates a record from `fields`; its id is written to the variable `resultVariable`. */
export interface CreateRecordAction {
  type: 'createRecord';
  recordType: ActionRecordType;
  fields: JsonObject;
  /** The process variable that receives the new record's id. */
  resultVariable?: string;
}

/** Adds an activity (call, meeting, …) to the record the instance is about. */
export interface AddActivityAction {
  type: 'addActivity';
  kind: 'call' | 'meeting' | 'email' | 'task' | 'note';
  subject: string;
  body?: string;
  /** A template rendering to an RFC 3339 instant. */
  dueAt?: string;
  /** ISO 8601 duration after the run, by the database clock (instead of dueAt). */
  dueIn?: string;
  done?: boolean;
  /** The process variable that receives the new activity's id. */
  resultVariable?: string;
}

/**
 * Renders the deployed liquid template `template` to a PDF and attaches it to the record the
 * instance is about (or the one `record` names); the attachment's id goes to `resultVariable`.
 * The template's text is a small markup (docs/actions.md#createdocument): `# ` and `## ` headings,
 * `| a | b |` table rows, paragraphs separated by blank lines.
 */
export interface CreateDocumentAction {
  type: 'createDocument';
  /** The deployed `.liquid` template (its name without `.liquid`) rendered into the document. */
  template: string;
  /** A template: the attachment's file name (`.pdf` is added when it does not end so). */
  fileName: string;
  /** A template rendering to a business key `<type>:<id>`; absent: the instance's own record. */
  record?: string;
  /** The process variable that receives the attachment's id. */
  resultVariable?: string;
  /** Set by rendering (never in a package): the template's rendered text. */
  content?: string;
}

export type RecordAction = SetRecordFieldsAction | CreateRecordAction | AddActivityAction | CreateDocumentAction;
