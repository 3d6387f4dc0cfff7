// The business error codes of the record actions (failAction): an error boundary on the service
// task with this code catches them; uncaught they are an incident at the task whose message names
// the field.

/** A field the action sets does not pass the record kit's checks (schema, catalog, reference, custom field). */
export const INVALID_RECORD_FIELDS = 'INVALID_RECORD_FIELDS';
/** The record the action names (or the instance is about) does not exist, or the instance is about no record. */
export const UNKNOWN_RECORD = 'UNKNOWN_RECORD';
/** The person a created or changed contact or lead would hold is suppressed (erased on request). */
export const SUPPRESSED_PERSON = 'SUPPRESSED_PERSON';
