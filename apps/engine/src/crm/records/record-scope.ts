// What the parts of a record (attachments, comments, relations) share: the record they hang on,
// found with the caller's visibility (a record they may not see is 404, as on the record's own
// routes), the column that references it in a part table, and the origin of the history rows a
// change of a part writes into the record's history.
import { RECORD_TYPES, type RecordTypeDefinition, type RecordTypeName } from '@stageflow/api-contract';
import type { Queryable } from '../../platform/database/queryable.js';
import { Forbidden, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { isUuid } from '../../platform/http/input.js';
import { columnOf, type RecordRow } from './record-columns.js';
import type { ChangeOrigin } from './record-history.repository.js';
import { mayWriteRecords, type RecordAccess } from './record-visibility.js';
import type { RecordsRepository } from './records.repository.js';

/** The id in a record route; one that is no UUID names no record (404, as an unknown one). */
export function recordIdOf(type: RecordTypeDefinition, value: string): string {
  if (!isUuid(value)) throw new NotFound(`${type.name} ${value} not found`);
  return value;
}

/**
 * The record if `principal` may see it for `access`, else 404. A write also needs a role that
 * writes records (403 before any statement); `lock` holds the record until the transaction ends.
 */
export async function visibleRecord(
  records: Pick<RecordsRepository, 'findVisible'>,
  principal: Principal,
  type: RecordTypeDefinition,
  access: RecordAccess,
  id: string,
  db?: Queryable,
  lock = false,
): Promise<RecordRow> {
  if (access === 'write' && !mayWriteRecords(principal)) throw new Forbidden(`your roles may not change ${type.path}`);
  const row = await records.findVisible(type, principal, access, id, db, lock);
  if (!row) throw new NotFound(`${type.name} ${id} not found`);
  return row;
}

/** The column of a part table that references a record of `type`: organization_id, contact_id, … */
export function recordColumnOf(type: RecordTypeDefinition): string {
  return `${columnOf(type.name)}_id`;
}

export function recordTypeNamed(name: string): RecordTypeDefinition | undefined {
  return Object.hasOwn(RECORD_TYPES, name) ? RECORD_TYPES[name as RecordTypeName] : undefined;
}

/** A change made by the caller through the API. */
export function userOrigin(principal: Principal, reason?: string): ChangeOrigin {
  return { actorId: principal.userId, actorName: principal.username, source: 'user', ...(reason === undefined ? {} : { reason }) };
}

/** The Nest class name of a per-type controller ("opportunities" + "Attachments" -> OpportunitiesAttachmentsController). */
export function controllerNameOf(type: RecordTypeDefinition, part: string): string {
  const pascal = type.path.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
  return `${pascal}${part}Controller`;
}
