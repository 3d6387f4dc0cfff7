// For service specs: RuleSetsRepository over an array of rows, answering as its SQL does (latest =
// highest version of a key), with `now` as the database clock and a settable generation.
import type { RuleSetKind } from '@stageflow/process-package';
import type { Paging } from '../../platform/http/input.js';
import type { RuleSetRef } from './latest-rule-set-cache.js';
import type { RuleSetRow } from './rule-set.row.js';
import type { LatestVersionRow, RuleSetsRepository } from './rule-sets.repository.js';

export class FakeRuleSetsRepository implements Pick<RuleSetsRepository, keyof RuleSetsRepository> {
  rows: RuleSetRow[] = [];
  now = new Date('2026-03-01T10:00:00Z');
  currentGeneration = 1;

  /** Stores a version (id, hash and times made up unless given). */
  seed(ruleSet: Partial<RuleSetRow> & Pick<RuleSetRow, 'key' | 'version' | 'content'>): RuleSetRow {
    const row: RuleSetRow = {
      id: `50000000-0000-4000-8000-${String(this.rows.length + 1).padStart(12, '0')}`,
      name: null,
      kind: ruleSet.content.kind,
      resource_name: `${ruleSet.key}.rule-set.json`,
      content_hash: `hash-${ruleSet.key}-${ruleSet.version}`,
      deployment_id: '60000000-0000-4000-8000-000000000001',
      created_at: new Date('2026-01-01T00:00:00Z'),
      ...ruleSet,
    };
    this.rows.push(row);
    return row;
  }

  private latest(key: string): RuleSetRow | undefined {
    return this.rows.filter((row) => row.key === key).sort((a, b) => b.version - a.version)[0];
  }

  private latestOfEveryKey(): RuleSetRow[] {
    return [...new Set(this.rows.map((row) => row.key))].flatMap((key) => this.latest(key) ?? []);
  }

  async page(filter: { key?: string; latest: boolean }, paging: Paging): Promise<{ rows: Omit<RuleSetRow, 'content'>[]; total: number }> {
    const matching = (filter.latest ? this.latestOfEveryKey() : this.rows)
      .filter((row) => filter.key === undefined || row.key === filter.key)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.version - a.version));
    return { rows: matching.slice(paging.offset, paging.offset + paging.limit).map(({ content: _content, ...row }) => row), total: matching.length };
  }

  async byId(id: string): Promise<RuleSetRow | undefined> {
    return this.rows.find((row) => row.id === id);
  }

  async forEvaluation(key: string, version: number | undefined): Promise<(Pick<RuleSetRow, 'id' | 'version' | 'content'> & { now: Date }) | undefined> {
    const row = version === undefined ? this.latest(key) : this.rows.find((candidate) => candidate.key === key && candidate.version === version);
    return row ? { id: row.id, version: row.version, content: row.content, now: this.now } : undefined;
  }

  async latestOf(keys: readonly string[]): Promise<{ generation: number; actionsDeployed: boolean; refs: RuleSetRef[] }> {
    return {
      generation: this.currentGeneration,
      actionsDeployed: this.rows.some((row) => row.kind === 'actions'),
      refs: keys.flatMap((key) => {
        const row = this.latest(key);
        return row ? [{ key, id: row.id, version: row.version }] : [];
      }),
    };
  }

  async generation(): Promise<number> {
    return this.currentGeneration;
  }

  async contents(ids: readonly string[]): Promise<Pick<RuleSetRow, 'id' | 'content'>[]> {
    return this.rows.filter((row) => ids.includes(row.id)).map((row) => ({ id: row.id, content: row.content }));
  }

  async latestOfKind(kind: RuleSetKind): Promise<Pick<RuleSetRow, 'id' | 'key' | 'version'>[]> {
    return this.latestOfEveryKey()
      .filter((row) => row.kind === kind)
      .map((row) => ({ id: row.id, key: row.key, version: row.version }));
  }

  async latestKinds(keys: readonly string[]): Promise<Map<string, RuleSetKind>> {
    return new Map(keys.flatMap((key) => this.latest(key) ?? []).map((row) => [row.key, row.kind]));
  }

  async latestVersion(key: string): Promise<LatestVersionRow | undefined> {
    return this.latest(key);
  }

  async insert(row: Omit<RuleSetRow, 'created_at'>): Promise<void> {
    this.rows.push({ ...row, created_at: this.now });
    this.currentGeneration += 1;
  }
}
