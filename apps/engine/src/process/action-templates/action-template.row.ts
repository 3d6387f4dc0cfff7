// `action_templates`: the row as PostgreSQL returns it, and its view. Versions are immutable.
import type { ActionTemplate, ActionType } from '@stageflow/process-package';

export interface ActionTemplateRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  action_type: ActionType;
  resource_name: string;
  content: ActionTemplate;
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}

export interface ActionTemplateView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  actionType: ActionType;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export function actionTemplateViewOf(row: Omit<ActionTemplateRow, 'content'>): ActionTemplateView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    actionType: row.action_type,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    contentHash: row.content_hash,
    createdAt: row.created_at.toISOString(),
  };
}
