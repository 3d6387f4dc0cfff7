// The CRM records' use cases, the same for every record type: create (with the duplicate check),
// read, list, change, delete, hand over to another owner, and the history. Each write and its
// history row commit in one transaction; every read and write sees only what the caller may see.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { recordBodyIssues, type RecordTypeDefinition } from '@stageflow/api-contract';
import type { ValidationIssue } from '@stageflow/process-package';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { CatalogValuesRepository } from '../catalogs/catalog-values.repository.js';
import { CustomFieldsService } from '../custom-fields/custom-fields.service.js';
import { SuppressionsService } from '../personal-data/suppressions.service.js';
import { columnOf, titleOf, toRecordView, type RecordRow, type RecordView } from './record-columns.js';
import type { ChangeOrigin } from './record-history.repository.js';
import { RecordHistoryRepository } from './record-history.repository.js';
import { RecordCreatedHooks } from './record-created-hooks.js';
import { RecordUpdatedHooks } from './record-updated-hooks.js';
import { toFieldChangeViews, type FieldChange, type FieldChangeView } from './record-history.row.js';
import { recordKeys } from './record-keys.js';
import { encodeCursor, parseRecordListQuery } from './record-list-query.js';
import { valueIssues } from './record-values.js';
import { mayHandOver, mayWriteRecords, teamsOf } from './record-visibility.js';
import { RecordsRepository, type RecordContent } from './records.repository.js';

export interface RecordPage {
  items: RecordView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface DuplicateView {
  id: string | null;
  title: string | null;
  matched: string[];
  /** False for a record the caller may not see: it exists, nothing else is said about it. */
  visible: boolean;
}

const HISTORY_PAGE = 100;

function origin(principal: Principal, reason?: string): ChangeOrigin {
  return { actorId: principal.userId, actorName: principal.username, source: 'user', ...(reason === undefined ? {} : { reason }) };
}

/** The record as a map of API field names, for diffs and keys. */
function fieldsOf(type: RecordTypeDefinition, row: RecordRow): Record<string, unknown> {
  const view = toRecordView(type, row);
  return { ...view, ownerId: view.ownerId, teamId: view.teamId };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The foreign key a refused write broke, as the field it names ("crm_leads_owner_id_fkey" -> ownerId). */
function referencedField(type: RecordTypeDefinition, error: unknown): string | undefined {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23503' || typeof constraint !== 'string') return undefined;
  return type.fields.find((field) => constraint === `${type.table}_${columnOf(field.name)}_fkey`)?.name;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    private readonly catalogs: CatalogValuesRepository,
    private readonly transactions: Transactions,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly createdHooks: RecordCreatedHooks,
    private readonly customFields: CustomFieldsService,
    private readonly suppressions: SuppressionsService,
    private readonly updatedHooks: RecordUpdatedHooks,
    private readonly users: UsersRepository,
  ) {}

  async create(principal: Principal, type: RecordTypeDefinition, body: unknown, options: { allowDuplicate: boolean }): Promise<RecordView> {
    if (!mayWriteRecords(principal)) throw new Forbidden(`your roles may not create ${type.path}`);
    const issues = recordBodyIssues(type, 'create', body);
    if (issues.length > 0) throw Invalid.body(issues);
    const { custom, ...given } = body as JsonObject & { custom?: Record<string, unknown> };
    const fields: Record<string, unknown> = { ...given };
    // A seller's new record is theirs; handing records to others is a manager's action.
    if (fields.ownerId === undefined && !mayHandOver(principal)) fields.ownerId = principal.userId;
    if (fields.ownerId !== undefined && fields.ownerId !== null && fields.ownerId !== principal.userId && !mayHandOver(principal)) {
      throw new Forbidden('only a manager creates a record for another owner');
    }
    const keys = recordKeys(type, fields, this.config.phoneRegion);
    await this.customFields.check(type.name, custom ?? {});
    await this.suppressions.refuseSuppressed(type.name, keys);
    return this.write(type, async (tx) => {
      await this.checkValues(principal, type, fields, tx);
      if (type.duplicateKeys && !options.allowDuplicate) await this.refuseDuplicates(principal, type, keys, tx);
      const id = randomUUID();
      const row = await this.records.insert(type, id, { fields, custom: custom ?? {} }, keys, tx);
      const changes: FieldChange[] = Object.entries(fields)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([field, value]) => ({ field, old: null, new: value }));
      if (custom && Object.keys(custom).length > 0) changes.push({ field: 'custom', old: null, new: custom });
      await this.history.append(type.name, id, origin(principal), changes, tx);
      await this.createdHooks.run(type, id, principal, tx);
      // A hook may have written the record (its territory, say): answer it as committed.
      return toRecordView(type, (await this.records.findById(type, id, tx)) ?? row);
    });
  }

  async get(principal: Principal, type: RecordTypeDefinition, id: string): Promise<RecordView> {
    const row = await this.records.findVisible(type, principal, 'read', id);
    if (!row) throw new NotFound(`${type.name} ${id} not found`);
    return toRecordView(type, row);
  }

  async list(principal: Principal, type: RecordTypeDefinition, query: JsonObject): Promise<RecordPage> {
    const parsed = parseRecordListQuery(type, query);
    const rows = await this.records.list(type, principal, parsed, undefined, await teamsOf(this.users, principal));
    const page = rows.slice(0, parsed.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toRecordView(type, row)),
      nextCursor: rows.length > parsed.limit && last ? encodeCursor(last.sort_value, last.id) : null,
    };
  }

  async update(principal: Principal, type: RecordTypeDefinition, id: string, body: unknown): Promise<RecordView> {
    if (!mayWriteRecords(principal)) throw new Forbidden(`your roles may not change ${type.path}`);
    const issues = recordBodyIssues(type, 'update', body);
    if (issues.length > 0) throw Invalid.body(issues);
    const { custom, ...given } = body as JsonObject & { custom?: Record<string, unknown> };
    if (custom !== undefined) await this.customFields.check(type.name, custom);
    return this.write(type, async (tx) => {
      const current = await this.records.findVisible(type, principal, 'write', id, tx, true);
      if (!current) throw new NotFound(`${type.name} ${id} not found`);
      const before = fieldsOf(type, current);
      const changed = Object.fromEntries(Object.entries(given).filter(([name, value]) => !same(before[name], value)));
      const customChanged = custom !== undefined && !same(before.custom, custom);
      if (Object.keys(changed).length === 0 && !customChanged) return toRecordView(type, current);
      await this.checkValues(principal, type, changed, tx);
      const after = { ...before, ...changed };
      const keys = recordKeys(type, after, this.config.phoneRegion);
      await this.suppressions.refuseAdded(type.name, recordKeys(type, before, this.config.phoneRegion), keys, tx);
      const content: Partial<RecordContent> = { fields: changed, ...(customChanged ? { custom } : {}) };
      const row = await this.records.update(type, id, content, keys, tx);
      const changes: FieldChange[] = Object.entries(changed).map(([field, value]) => ({ field, old: before[field] ?? null, new: value }));
      if (customChanged) changes.push({ field: 'custom', old: before.custom, new: custom });
      await this.history.append(type.name, id, origin(principal), changes, tx);
      await this.updatedHooks.run(
        type,
        id,
        changes.map((change) => change.field),
        tx,
      );
      return toRecordView(type, (await this.records.findById(type, id, tx)) ?? row);
    });
  }

  async delete(principal: Principal, type: RecordTypeDefinition, id: string): Promise<void> {
    if (!mayWriteRecords(principal)) throw new Forbidden(`your roles may not delete ${type.path}`);
    await this.write(type, async (tx) => {
      const current = await this.records.findVisible(type, principal, 'write', id, tx, true);
      if (!current) throw new NotFound(`${type.name} ${id} not found`);
      await this.records.delete(type, id, tx);
      // The history outlives the record: who deleted it, and what it was called.
      await this.history.append(type.name, id, origin(principal), [{ field: 'deleted', old: titleOf(type, fieldsOf(type, current)), new: true }], tx);
    });
  }

  /** Hands the record to another owner (or to a team's queue with ownerId null): a manager's action, kept with its reason. */
  async handOver(principal: Principal, type: RecordTypeDefinition, id: string, body: unknown): Promise<RecordView> {
    if (!mayHandOver(principal)) throw new Forbidden('only a manager hands a record to another owner');
    const input = body as JsonObject;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw Invalid.field('body', 'must be an object');
    const issues: ValidationIssue[] = [];
    for (const key of Object.keys(input)) if (!['ownerId', 'teamId', 'reason'].includes(key)) issues.push({ path: key, message: 'is not allowed' });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!('ownerId' in input)) issues.push({ path: 'ownerId', message: 'is required (null hands the record to the team queue)' });
    for (const key of ['ownerId', 'teamId'] as const) {
      const value = input[key];
      if (value !== undefined && value !== null && !(typeof value === 'string' && uuid.test(value)))
        issues.push({ path: key, message: 'must be a UUID or null' });
    }
    if (input.reason !== undefined && (typeof input.reason !== 'string' || input.reason.length > 1000))
      issues.push({ path: 'reason', message: 'must be a text of at most 1000 characters' });
    if (issues.length > 0) throw Invalid.body(issues);
    return this.write(type, async (tx) => {
      const current = await this.records.findVisible(type, principal, 'write', id, tx, true);
      if (!current) throw new NotFound(`${type.name} ${id} not found`);
      const before = fieldsOf(type, current);
      const changed: Record<string, unknown> = { ownerId: input.ownerId ?? null, ...('teamId' in input ? { teamId: input.teamId ?? null } : {}) };
      if (changed.ownerId === null && (changed.teamId ?? before.teamId) === null)
        throw Invalid.field('teamId', 'is required when the record has no owner: the team whose queue holds it');
      const row = await this.records.update(type, id, { fields: changed }, recordKeys(type, { ...before, ...changed }, this.config.phoneRegion), tx);
      const changes = Object.entries(changed)
        .filter(([field, value]) => !same(before[field], value))
        .map(([field, value]) => ({ field, old: before[field] ?? null, new: value }));
      await this.history.append(type.name, id, origin(principal, typeof input.reason === 'string' ? input.reason : undefined), changes, tx);
      return toRecordView(type, row);
    });
  }

  async historyOf(principal: Principal, type: RecordTypeDefinition, id: string): Promise<{ items: FieldChangeView[] }> {
    const row = await this.records.findVisible(type, principal, 'read', id);
    if (!row) throw new NotFound(`${type.name} ${id} not found`);
    const writes = await this.history.of(type.name, id, HISTORY_PAGE);
    return { items: writes.flatMap(toFieldChangeViews) };
  }

  private async checkValues(principal: Principal, type: RecordTypeDefinition, values: Record<string, unknown>, tx: Queryable): Promise<void> {
    const issues = await valueIssues(type, values, principal, { catalogs: this.catalogs, records: this.records }, tx);
    if (issues.length > 0) throw Invalid.body(issues);
  }

  private async refuseDuplicates(principal: Principal, type: RecordTypeDefinition, keys: ReturnType<typeof recordKeys>, tx: Queryable): Promise<void> {
    const candidates = (await this.records.duplicates(type, principal, keys, tx))
      .map((candidate) => ({ ...candidate, matched: candidate.matched.filter((key) => type.duplicateKeys?.includes(key)) }))
      .filter((candidate) => candidate.matched.length > 0);
    if (candidates.length === 0) return;
    const details: DuplicateView[] = candidates.map((candidate) =>
      candidate.visible
        ? { id: candidate.id, title: titleOf(type, fieldsOf(type, candidate.row)), matched: candidate.matched, visible: true }
        : { id: null, title: null, matched: candidate.matched, visible: false },
    );
    throw new Conflict(
      `a ${type.name} with the same ${[...new Set(candidates.flatMap((candidate) => candidate.matched))].join(', ')} exists; send allowDuplicate=true to create it anyway`,
      details,
    );
  }

  /** Runs a write in a transaction; a reference the database refuses (an owner or team that is not there) names its field. */
  private async write<T>(type: RecordTypeDefinition, work: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      const field = referencedField(type, error);
      if (field) throw Invalid.field(field, `names no ${type.fields.find((candidate) => candidate.name === field)?.kind ?? 'record'} that exists`);
      throw error;
    }
  }
}
