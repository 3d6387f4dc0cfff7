// The steps of placing every record again after a territory rule set changed (pure): one batch of
// one record type at a time, organizations, then contacts, then leads, each batch after the last id
// of the one before; each step's job is keyed by it, so the same step written twice is one job.
import type { RecordTypeName } from '@stageflow/api-contract';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import { PLACED_TYPES } from './record-territory.js';

export const TERRITORY_REPLACEMENT_TASK = 'crm.territory-replacement';

/** Where a chain stands: the territory versions it places by, and the next batch (a type, after an id). */
export interface ReplacementStep {
  versions: string[];
  type: RecordTypeName;
  after: string | null;
}

/** The job of one batch, keyed by it: a batch's job written twice (a retried batch) is one job. */
export function replacementJob(step: ReplacementStep): JobRequest {
  return {
    task: TERRITORY_REPLACEMENT_TASK,
    payload: { ...step },
    key: `crm-territory-replacement:${step.versions[0]}:${step.type}:${step.after ?? 'start'}`,
  };
}

/** The step after a batch that placed `ids` (at most `batch`); undefined when every type is done. */
export function nextStep(step: ReplacementStep, ids: readonly string[], batch: number): ReplacementStep | undefined {
  if (ids.length === batch) return { ...step, after: ids[ids.length - 1]! };
  const next = PLACED_TYPES[PLACED_TYPES.indexOf(step.type) + 1];
  return next === undefined ? undefined : { ...step, type: next, after: null };
}
