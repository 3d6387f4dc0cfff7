// For service specs: ProcessInstancesRepository's reads over an array of rows. Who sees which
// instance stands in for the SQL condition (visibility/instance-visibility.ts) as a predicate the
// spec sets, applied wherever the SQL applies it.
import type { Variables } from '@stageflow/bpmn-runtime';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { InstanceStatusValue, ProcessInstanceRow, ProcessInstanceSummaryRow } from './process-instance.row.js';
import type { InstancePaging, InstanceRowFilter, ProcessInstancesRepository, RunningPerDefinitionRow } from './process-instances.repository.js';

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

  /** Instance ids with an open incident (the SQL reads `incidents`). */
  readonly openIncidents = new Set<string>();

  async page(
    filter: InstanceRowFilter,
    paging: InstancePaging,
  ): Promise<{ rows: ProcessInstanceSummaryRow[]; total: number | undefined; last: { at: string; id: string } | undefined; more: boolean }> {
    const atOf = (row: ReadRow): string => row.created_at.toISOString().replace('Z', '000Z');
    const newestFirst = (a: ReadRow, b: ReadRow): number => atOf(b).localeCompare(atOf(a)) || b.id.localeCompare(a.id);
    const matching = this.rows
      .filter((row) => filter.definitionKey === undefined || row.definition_key === filter.definitionKey)
      .filter((row) => filter.version === undefined || row.definition_version === filter.version)
      .filter((row) => filter.status === undefined || row.status === filter.status)
      .filter((row) => filter.businessKey === undefined || row.business_key === filter.businessKey)
      .filter((row) => filter.hasIncident === undefined || this.openIncidents.has(row.id) === filter.hasIncident)
      .filter((row) => this.visible(row, filter.visibleTo))
      .sort(newestFirst);
    const after = paging.after;
    const from = after ? matching.filter((row) => atOf(row) < after.at || (atOf(row) === after.at && row.id < after.id)) : matching.slice(paging.offset ?? 0);
    const rows = from.slice(0, paging.limit);
    const last = rows.at(-1);
    return {
      rows: rows.map(({ state: _s, started_by: _b, ...row }) => row),
      total: paging.count ? matching.length : undefined,
      last: last && { at: atOf(last), id: last.id },
      more: from.length > paging.limit,
    };
  }

  async waitingAt(
    definitionKey: string,
    version: number,
    visibleTo?: Principal,
  ): Promise<{ element_id: string; instances: number; incidents: number }[] | undefined> {
    if (!this.rows.some((row) => row.definition_key === definitionKey && row.definition_version === version)) return undefined;
    const counts = new Map<string, { instances: number; incidents: number }>();
    for (const row of this.rows) {
      if (row.definition_key !== definitionKey || row.definition_version !== version || !['active', 'incident'].includes(row.status)) continue;
      if (!this.visible(row, visibleTo)) continue;
      for (const elementId of new Set(row.active_element_ids)) {
        const count = counts.get(elementId) ?? { instances: 0, incidents: 0 };
        count.instances += 1;
        if (row.status === 'incident') count.incidents += 1;
        counts.set(elementId, count);
      }
    }
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([element_id, count]) => ({ element_id, ...count }));
  }

  async runningPerDefinition(visibleTo?: Principal): Promise<RunningPerDefinitionRow[]> {
    const counts = new Map<string, RunningPerDefinitionRow>();
    for (const row of this.rows) {
      if (!['active', 'incident'].includes(row.status) || !this.visible(row, visibleTo)) continue;
      const count = counts.get(row.definition_id) ?? {
        definition_id: row.definition_id,
        definition_key: row.definition_key,
        definition_version: row.definition_version,
        running: 0,
        with_incident: 0,
      };
      count.running += 1;
      if (this.openIncidents.has(row.id)) count.with_incident += 1;
      counts.set(row.definition_id, count);
    }
    return [...counts.values()].sort((a, b) => a.definition_key.localeCompare(b.definition_key) || b.definition_version - a.definition_version);
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
