// `process_definitions`: one version of one BPMN process, immutable once stored; the row as
// PostgreSQL returns it, and its view.
import type { ProcessGraph } from '@stageflow/bpmn-runtime';

export interface ProcessDefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resource_name: string;
  xml: string;
  /** The compiled, executable graph (plain JSON from the interpreter). */
  graph: ProcessGraph;
  /** SHA-256 of the resource content: identical redeploys reuse the version. */
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}

/** The columns views show (not the XML, not the graph), with the deploying user's id from its deployment. */
export type ProcessDefinitionSummaryRow = Omit<ProcessDefinitionRow, 'xml' | 'graph'> & { deployed_by_id: string | null };

export interface ProcessDefinitionView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
  /** The username of who deployed it; null for the engine's own start-up deploy or a user no longer there. */
  deployedBy: string | null;
}

export function processDefinitionViewOf(row: ProcessDefinitionSummaryRow, deployedBy: string | null): ProcessDefinitionView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    contentHash: row.content_hash,
    createdAt: row.created_at.toISOString(),
    deployedBy,
  };
}
