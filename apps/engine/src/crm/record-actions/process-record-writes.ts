// Record writes made by a process (the record actions): the same checks as the API's — the body's
// schema (read-only fields such as stage and territory allowed: the process moves them), catalog
// values, currencies, dates, referenced records, custom fields, suppressed persons — with every
// problem returned as issues naming the field instead of thrown, so the action fails as a business
// error (an incident naming the field) and nothing is written. Each write and its history row
// (source `process`, naming the process) commit in the action run's transaction, and the records'
// created / updated hooks run in it (a new record's process starts, a meeting's reminder follows).
// An owner may be named by username (what processes hold: `record.ownerUsername`, a task's
// completer): it is read as that user's id, and a name that is no user is an issue on the field.
import { Inject, Injectable } from '@nestjs/common';
import { recordBodyIssues, type RecordTypeDefinition } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { DomainError } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { CatalogValuesRepository } from '../catalogs/catalog-values.repository.js';
import { CustomFieldsService } from '../custom-fields/custom-fields.service.js';
import { SuppressionsService } from '../personal-data/suppressions.service.js';
import { toRecordView, type RecordRow } from '../records/record-columns.js';
import { RecordCreatedHooks } from '../records/record-created-hooks.js';
import { RecordHistoryRepository, type ChangeOrigin } from '../records/record-history.repository.js';
import type { FieldChange } from '../records/record-history.row.js';
import { recordKeys } from '../records/record-keys.js';
import { RecordUpdatedHooks } from '../records/record-updated-hooks.js';
import { valueIssues } from '../records/record-values.js';
import { RecordsRepository } from '../records/records.repository.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The engine as the records' hooks and value checks see a process: it sees every record (a
 * reference must exist, not be visible to someone), and it is no user (`userId` null, as the
 * engine's actor is elsewhere).
 */
export const PROCESS_PRINCIPAL: Principal = { userId: null as unknown as string, username: 'engine', roles: ['admin'], groups: [] };

export type Issue = { path: string; message: string };
export type WriteResult = { ok: true; row: RecordRow; changed: string[] } | { ok: false; kind: 'invalid' | 'suppressed' | 'missing'; issues: Issue[] };

/** The history origin of a process's write: the engine, source `process`, named by the process key, with the action's reason if it gives one. */
export function processOrigin(processKey: string, reason?: string): ChangeOrigin {
  return {
    actorId: null,
    actorName: 'engine',
    source: 'process',
    sourceName: processKey,
    ...(reason === undefined || reason.trim() === '' ? {} : { reason: reason.trim() }),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A statement the database refused for a reason in the data (a foreign key, a check), as the field it names. */
function refusedValue(type: RecordTypeDefinition, error: unknown): Issue | undefined {
  const { code, constraint, column } = error as { code?: unknown; constraint?: unknown; column?: unknown };
  if (code !== '23503' && code !== '23514' && code !== '23502' && code !== '22001' && code !== '22003') return undefined;
  const field = type.fields.find(
    (candidate) => typeof constraint === 'string' && constraint.includes(candidate.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)),
  );
  return { path: field?.name ?? (typeof column === 'string' ? column : ''), message: `was refused by the database (${String(code)})` };
}

@Injectable()
export class ProcessRecordWrites {
  constructor(
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    private readonly catalogs: CatalogValuesRepository,
    private readonly customFields: CustomFieldsService,
    private readonly suppressions: SuppressionsService,
    private readonly created: RecordCreatedHooks,
    private readonly updated: RecordUpdatedHooks,
    private readonly users: UsersRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** The record, locked until the run commits; undefined when it does not exist. */
  async lock(type: RecordTypeDefinition, id: string, tx: Queryable): Promise<RecordRow | undefined> {
    return this.records.findVisible(type, PROCESS_PRINCIPAL, 'write', id, tx, true);
  }

  async create(type: RecordTypeDefinition, id: string, requested: Record<string, unknown>, processKey: string, tx: Queryable): Promise<WriteResult> {
    const owners = await this.ownersByUsername(type, requested, tx);
    if ('issues' in owners) return { ok: false, kind: 'invalid', issues: owners.issues };
    const values = owners.values;
    const { custom, ...fields } = values as Record<string, unknown> & { custom?: Record<string, unknown> };
    const schemaIssues = recordBodyIssues(type, 'process-create', values);
    if (schemaIssues.length > 0) return { ok: false, kind: 'invalid', issues: schemaIssues };
    const keys = recordKeys(type, fields, this.config.phoneRegion);
    const refused = (await this.domainIssues(() => this.customFields.check(type.name, custom ?? {}, tx))) ?? [];
    const values_ = await valueIssues(type, fields, PROCESS_PRINCIPAL, { catalogs: this.catalogs, records: this.records }, tx);
    if (refused.length + values_.length > 0) return { ok: false, kind: 'invalid', issues: [...refused, ...values_] };
    const suppressed = await this.domainIssues(() => this.suppressions.refuseSuppressed(type.name, keys, tx));
    if (suppressed) return { ok: false, kind: 'suppressed', issues: suppressed };
    const row = await this.guarded(type, tx, () => this.records.insert(type, id, { fields, custom: custom ?? {} }, keys, tx));
    if ('issues' in row) return { ok: false, kind: 'invalid', issues: row.issues };
    const changes: FieldChange[] = Object.entries(fields)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([field, value]) => ({ field, old: null, new: value }));
    if (custom && Object.keys(custom).length > 0) changes.push({ field: 'custom', old: null, new: custom });
    await this.history.append(type.name, id, processOrigin(processKey), changes, tx);
    await this.created.run(type, id, PROCESS_PRINCIPAL, tx);
    return { ok: true, row: row.row, changed: changes.map((change) => change.field) };
  }

  async update(
    type: RecordTypeDefinition,
    id: string,
    requested: Record<string, unknown>,
    processKey: string,
    tx: Queryable,
    reason?: string,
  ): Promise<WriteResult> {
    const owners = await this.ownersByUsername(type, requested, tx);
    if ('issues' in owners) return { ok: false, kind: 'invalid', issues: owners.issues };
    const values = owners.values;
    const schemaIssues = recordBodyIssues(type, 'process-update', values);
    if (schemaIssues.length > 0) return { ok: false, kind: 'invalid', issues: schemaIssues };
    const current = await this.lock(type, id, tx);
    if (!current) return { ok: false, kind: 'missing', issues: [{ path: '', message: `${type.name} ${id} does not exist` }] };
    const { custom, ...given } = values as Record<string, unknown> & { custom?: Record<string, unknown> };
    const before: Record<string, unknown> = { ...toRecordView(type, current) };
    const changed = Object.fromEntries(Object.entries(given).filter(([name, value]) => !same(before[name], value)));
    const customChanged = custom !== undefined && !same(before.custom, custom);
    if (Object.keys(changed).length === 0 && !customChanged) return { ok: true, row: current, changed: [] };
    const refused = customChanged ? ((await this.domainIssues(() => this.customFields.check(type.name, custom, tx))) ?? []) : [];
    const values_ = await valueIssues(type, changed, PROCESS_PRINCIPAL, { catalogs: this.catalogs, records: this.records }, tx);
    if (refused.length + values_.length > 0) return { ok: false, kind: 'invalid', issues: [...refused, ...values_] };
    const after = { ...before, ...changed };
    const keys = recordKeys(type, after, this.config.phoneRegion);
    const suppressed = await this.domainIssues(() => this.suppressions.refuseAdded(type.name, recordKeys(type, before, this.config.phoneRegion), keys, tx));
    if (suppressed) return { ok: false, kind: 'suppressed', issues: suppressed };
    const row = await this.guarded(type, tx, () => this.records.update(type, id, { fields: changed, ...(customChanged ? { custom } : {}) }, keys, tx));
    if ('issues' in row) return { ok: false, kind: 'invalid', issues: row.issues };
    const changes: FieldChange[] = Object.entries(changed).map(([field, value]) => ({ field, old: before[field] ?? null, new: value }));
    if (customChanged) changes.push({ field: 'custom', old: before.custom, new: custom });
    await this.history.append(type.name, id, processOrigin(processKey, reason), changes, tx);
    const names = changes.map((change) => change.field);
    await this.updated.run(type, id, names, tx);
    return { ok: true, row: row.row, changed: names };
  }

  /** `values` with each user field given as a username read as the user's id; a name that is no user is an issue on its field. */
  private async ownersByUsername(
    type: RecordTypeDefinition,
    values: Record<string, unknown>,
    tx: Queryable,
  ): Promise<{ values: Record<string, unknown> } | { issues: Issue[] }> {
    const read = { ...values };
    const issues: Issue[] = [];
    for (const field of type.fields.filter((candidate) => candidate.kind === 'user')) {
      const value = read[field.name];
      if (typeof value !== 'string' || UUID.test(value)) continue;
      const id = await this.users.findIdByUsername(value, tx, 'share');
      if (id === undefined) issues.push({ path: field.name, message: `names no user ("${value}")` });
      else read[field.name] = id;
    }
    return issues.length > 0 ? { issues } : { values: read };
  }

  /** The issues a check reports by throwing a domain error (400 / 409 on the API); undefined when it passes. */
  private async domainIssues(check: () => Promise<void>): Promise<Issue[] | undefined> {
    try {
      await check();
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const details = error.details.filter((detail): detail is Issue => typeof (detail as Issue)?.path === 'string');
      return details.length > 0 ? details : [{ path: '', message: error.message }];
    }
  }

  /** Runs a write under a savepoint: a value the database refuses (an owner who is no user) becomes an issue, the run's transaction stays usable. */
  private async guarded(type: RecordTypeDefinition, tx: Queryable, write: () => Promise<RecordRow>): Promise<{ row: RecordRow } | { issues: Issue[] }> {
    await tx.query('SAVEPOINT crm_record_action');
    try {
      const row = await write();
      await tx.query('RELEASE SAVEPOINT crm_record_action');
      return { row };
    } catch (error) {
      const issue = refusedValue(type, error);
      if (!issue) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT crm_record_action');
      return { issues: [issue] };
    }
  }
}
