// `rule_sets`: the row as PostgreSQL returns it, and its view. Versions are immutable; every
// change of the table bumps `rule_set_generation` (migration 1732260000100).
import type { RuleSet, RuleSetKind } from '@stageflow/process-package';

export interface RuleSetRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  kind: RuleSetKind;
  resource_name: string;
  content: RuleSet;
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}

export interface RuleSetView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  kind: RuleSetKind;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export function ruleSetViewOf(row: Omit<RuleSetRow, 'content'>): RuleSetView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    kind: row.kind,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    contentHash: row.content_hash,
    createdAt: row.created_at.toISOString(),
  };
}
