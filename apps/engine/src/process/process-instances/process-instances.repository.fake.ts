// For service specs: ProcessInstancesRepository's reads over an array of rows. Who sees which
// instance stands in for the SQL condition (visibility/instance-visibility.ts) as a predicate the
// spec sets, applied wherever the SQL applies it.
import type { Variables } from '@stageflow/bpmn-runtime';
import type { Paging } from '../../platform/http/input.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { InstanceStatusValue, ProcessInstanceRow, ProcessInstanceSummaryRow } from './process-instance.row.js';
import type { InstanceRowFilter, ProcessInstancesRepository } from './process-instances.repository.js';

type ReadRow = Omit<ProcessInstanceRow, 'version'>;

export class FakeProcessInstancesRepository implements Pick<ProcessInstancesRepository, keyof ProcessInstancesRepository> {
  rows: ReadRow[] = [];
  /** Who sees which instance; default: everyone sees all. */
  sees: (principal: Principal, row: ReadRow) => boolean = () => true;
  /** The records (business keys) each username sees. */
  readonly records = new Map<string, string[]>();

  seed(row: Partial<ReadRow> & Pick<ReadRow, 'id'>): ReadRow {
    const seeded: ReadRow = {
      definition_id: 'def-1',
      definition_key: 'lead',
      definition_version: 1,
      business_key: null,
      status: 'active',
      state: { variables: {}, tokens: [] } as unknown as ReadRow['state'],
      variables: {},
      active_element_ids: [],
      started_by: null,
      created_at: new Date(`2026-01-01T00:00:${String(this.rows.length).padStart(2, '0')}Z`),
      updated_at: new Date('2026-01-01T00:00:00Z'),
      ended_at: null,
      parent_instance_id: null,
      parent_call_id: null,
      ...row,
    };
    this.rows.push(seeded);
    return seeded;
  }

  private visible(row: ReadRow, visibleTo: Principal | undefined): boolean {
    return visibleTo === undefined || this.sees(visibleTo, row);
  }

  async page(filter: InstanceRowFilter, paging: Paging): Promise<{ rows: ProcessInstanceSummaryRow[]; total: number }> {
    const matching = this.rows
      .filter((row) => filter.definitionKey === undefined || row.definition_key === filter.definitionKey)
      .filter((row) => filter.status === undefined || row.status === filter.status)
      .filter((row) => filter.businessKey === undefined || row.business_key === filter.businessKey)
      .filter((row) => this.visible(row, filter.visibleTo))
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
    return { rows: matching.slice(paging.offset, paging.offset + paging.limit).map(({ state: _s, started_by: _b, ...row }) => row), total: matching.length };
  }

  async byId(id: string, visibleTo?: Principal): Promise<Omit<ProcessInstanceRow, 'version' | 'started_by'> | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id && this.visible(candidate, visibleTo));
    if (!row) return undefined;
    const { started_by: _b, ...read } = row;
    return read;
  }

  async exists(id: string, visibleTo?: Principal): Promise<boolean> {
    return this.rows.some((row) => row.id === id && this.visible(row, visibleTo));
  }

  async seesRecord(principal: Principal, businessKey: string): Promise<boolean> {
    return (this.records.get(principal.username) ?? []).includes(businessKey);
  }

  async lockForShare(id: string): Promise<{ status: InstanceStatusValue; variables: Variables | null; parameters: null } | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id);
    return row && { status: row.status, variables: row.variables, parameters: null };
  }

  /** The fake's instances belong to no package. */
  async runningOutside(): Promise<{ id: string; definition_key: string; definition_version: number }[]> {
    return [];
  }

  async variablesNow(id: string): Promise<{ status: InstanceStatusValue; variables: Variables; now: Date; parameters: null } | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id);
    return row && { status: row.status, variables: row.variables, now: new Date('2026-01-02T00:00:00Z'), parameters: null };
  }

  async variablesOf(id: string): Promise<Variables | undefined> {
    return this.rows.find((row) => row.id === id)?.variables;
  }

  async parentOf(id: string): Promise<{ parentInstanceId: string; callId: string } | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id);
    return row?.parent_instance_id && row.parent_call_id ? { parentInstanceId: row.parent_instance_id, callId: row.parent_call_id } : undefined;
  }

  async holding(_pattern: string, businessKeys: readonly string[]): Promise<ProcessInstanceSummaryRow[]> {
    return this.rows.filter((row) => row.business_key !== null && businessKeys.includes(row.business_key)).map(({ state: _s, started_by: _b, ...row }) => row);
  }

  async businessKeysOf(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map(this.rows.filter((row) => ids.includes(row.id) && row.business_key !== null).map((row) => [row.id, row.business_key!]));
  }

  async scrub(): Promise<void> {}
}
