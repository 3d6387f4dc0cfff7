// `process_instances`: the row as PostgreSQL returns it, and its view. Written by the command
// write (InstanceStoreRepository, the one-statement exception); read by ProcessInstancesRepository.
import type { InstanceState, Variables } from '@stageflow/bpmn-runtime';
import { uniqueElements, type InstanceSnapshot } from '../execution/instance-commands.service.js';

export type InstanceStatusValue = 'active' | 'completed' | 'terminated' | 'incident';

export interface ProcessInstanceRow {
  id: string;
  definition_id: string;
  definition_key: string;
  definition_version: number;
  business_key: string | null;
  status: InstanceStatusValue;
  /** The interpreter's state, as it returned it. */
  state: InstanceState;
  /** Instance-scope variables, copied from the state for queries. */
  variables: Variables;
  /** Elements holding a token (one entry per token). */
  active_element_ids: string[];
  /** Optimistic lock: every command increments it. */
  version: number;
  started_by: string | null;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  /** The instance whose call activity started this one (a called process). */
  parent_instance_id: string | null;
  /** The call of that call activity (CalledProcessStarted.callId). */
  parent_call_id: string | null;
}

/** The columns lists read (all but the state, the version and who started it). */
export type ProcessInstanceSummaryRow = Omit<ProcessInstanceRow, 'state' | 'version' | 'started_by'>;

export interface InstanceView extends InstanceSnapshot {
  endedAt: string | null;
  /** Set when a call activity of that instance started this one. */
  parentInstanceId: string | null;
  parentCallId: string | null;
}

export function instanceViewOf(row: ProcessInstanceSummaryRow): InstanceView {
  return {
    id: row.id,
    definitionId: row.definition_id,
    definitionKey: row.definition_key,
    version: row.definition_version,
    businessKey: row.business_key,
    state: row.status,
    variables: row.variables,
    activeElementIds: uniqueElements(row.active_element_ids),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    parentInstanceId: row.parent_instance_id ?? null,
    parentCallId: row.parent_call_id ?? null,
  };
}
