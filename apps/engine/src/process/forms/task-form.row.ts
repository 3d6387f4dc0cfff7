// `task_forms`: the row as PostgreSQL returns it, and its view. Versions are immutable.
import type { TaskFormSummaryView, TaskFormView } from '@stageflow/api-contract';
import type { TaskFormSchema } from '@stageflow/process-package';

export interface TaskFormRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resource_name: string;
  content: TaskFormSchema;
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}

export function taskFormViewOf(row: TaskFormRow): TaskFormView {
  return { ...taskFormSummaryOf(row), schema: row.content };
}

export function taskFormSummaryOf(row: Omit<TaskFormRow, 'content'>): TaskFormSummaryView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    createdAt: row.created_at.toISOString(),
  };
}
