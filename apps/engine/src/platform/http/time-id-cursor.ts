// The cursor of a list sorted newest first by a timestamp and then an id: the last row's time (to
// the microsecond, as UTC text — a JS Date keeps milliseconds and would skip rows of the same
// one) and its id, opaque to the client (base64url JSON). The statement compares
// `(at, id) < (cursor.at, cursor.id)`, an index walk from that row on.
import { Invalid } from '../errors/domain-errors.js';

export interface TimeIdCursor {
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SQL expression of `column` (a timestamptz) as the cursor's `at` text. */
export function cursorTimeSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeTimeIdCursor(cursor: TimeIdCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at, id: cursor.id })).toString('base64url');
}

/** The cursor `raw` (a `nextCursor` of this list); 400 naming `field` when it is not one. */
export function decodeTimeIdCursor(raw: string, field = 'cursor'): TimeIdCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof value.at === 'string' && AT.test(value.at) && typeof value.id === 'string' && UUID.test(value.id)) return { at: value.at, id: value.id };
  } catch {
    // not JSON: refused below
  }
  throw Invalid.field(field, 'is not a cursor of this list (take it from the previous page)');
}
