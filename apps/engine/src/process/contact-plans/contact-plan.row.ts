// `contact_plans` (versions of timed step sequences, immutable) and `contact_plan_starts` (a plan
// started on an instance, once per instance and plan key): the rows as PostgreSQL returns them.
import type { ContactPlanView } from '@stageflow/api-contract';
import type { ContactPlan } from '@stageflow/process-package';

export interface ContactPlanRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resource_name: string;
  content: ContactPlan;
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}

export function contactPlanViewOf(row: Omit<ContactPlanRow, 'content'>): ContactPlanView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    contentHash: row.content_hash,
    createdAt: row.created_at.toISOString(),
  };
}

export interface ContactPlanStartRow {
  process_instance_id: string;
  plan_key: string;
  contact_plan_id: string;
  /** What started the plan: a service task, or `<ruleSetKey>/<ruleId>`. */
  element_id: string;
  started_at: Date;
}
