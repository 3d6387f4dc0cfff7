// A notification's message names the record it is about by its API address ("nora mentioned you on
// the opportunity "Fleet renewal" (/api/v1/opportunities/…): …"); the web app opens its page.
import { recordTypeFrom, type WorkspaceRecordType } from '../records/record-kinds';

const RECORD_ADDRESS = /\/api\/v1\/([a-z]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** The record the message names, or undefined. */
export function notificationRecord(message: string): { type: WorkspaceRecordType; id: string } | undefined {
  const match = RECORD_ADDRESS.exec(message);
  const type = recordTypeFrom(match?.[1]?.toLowerCase());
  return match === null || type === undefined ? undefined : { type, id: match[2]!.toLowerCase() };
}
