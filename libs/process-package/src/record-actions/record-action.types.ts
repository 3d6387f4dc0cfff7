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

export type RecordAction = SetRecordFieldsAction | CreateRecordAction | AddActivityAction;
