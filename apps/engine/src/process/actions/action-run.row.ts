// `action_runs`: one row per run of an action, by its idempotency key, as PostgreSQL returns it.
import type { ActionOutcome } from './action-runner.js';

export interface ActionRunRow {
  idempotency_key: string;
  process_instance_id: string;
  element_id: string;
  action_key: string;
  action_template_id: string | null;
  contact_plan_id: string | null;
  rule_set_id: string | null;
  action_type: string;
  /** `{kind: 'running'}` while the run's transaction is open; never visible after commit. */
  outcome: ActionOutcome;
}
