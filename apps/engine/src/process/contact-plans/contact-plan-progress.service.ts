// Where the contact plans of an instance stand: each plan started on it, and per step when it
// runs (start + offset, database clock) and what became of it — read from the plan version that
// was started, contact_plan_starts and the steps' recorded runs (action_runs).
import { Injectable } from '@nestjs/common';
import { contactPlanSchedule, contactPlanStepRunAt, type ActionType } from '@stageflow/process-package';
import type { ActionOutcome } from '../actions/action-runner.js';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { contactPlanStepRunKey } from './contact-plan-jobs.js';
import { STEP_NOT_RUN } from './contact-plan-job-handlers.service.js';
import { ActionRunsRepository } from '../actions/action-runs.repository.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { ContactPlanStartsRepository } from './contact-plan-starts.repository.js';
import { ContactPlanVersions } from './contact-plan-versions.js';

/** `scheduled`: not run yet; `done`: its action ran; `failed`: a business error; `skipped`: the instance had ended. */
export type ContactPlanStepStatus = 'scheduled' | 'done' | 'failed' | 'skipped';

export interface ContactPlanStepView {
  id: string;
  actionType: ActionType;
  runAt: string;
  status: ContactPlanStepStatus;
  /** The recorded outcome, once the step ran. */
  outcome: ActionOutcome | null;
}

export interface ContactPlanProgressView {
  planKey: string;
  contactPlanId: string;
  version: number;
  name: string;
  /** What started the plan: a service task, or `<ruleSetKey>/<ruleId>`. */
  elementId: string;
  startedAt: string;
  steps: ContactPlanStepView[];
}

function statusOf(outcome: ActionOutcome | undefined): ContactPlanStepStatus {
  if (outcome === undefined) return 'scheduled';
  if (outcome.kind === 'failed') return 'failed';
  return outcome.note?.startsWith(STEP_NOT_RUN) ? 'skipped' : 'done';
}

@Injectable()
export class ContactPlanProgressService {
  constructor(
    private readonly instances: ProcessInstancesRepository,
    private readonly starts: ContactPlanStartsRepository,
    private readonly runs: ActionRunsRepository,
    private readonly versions: ContactPlanVersions,
  ) {}

  async of(processInstanceId: string): Promise<{ items: ContactPlanProgressView[] }> {
    if (!(await this.instances.exists(processInstanceId))) throw new NotFound(`process instance ${processInstanceId} not found`);
    const starts = await this.starts.ofInstance(processInstanceId);
    const runs = await this.runs.contactPlanOutcomes(processInstanceId);
    const outcomes = new Map(runs.map((run) => [run.idempotency_key, run.outcome]));
    const items: ContactPlanProgressView[] = [];
    for (const start of starts) {
      const version = await this.versions.byId(start.contact_plan_id);
      if (!version) continue;
      const steps = contactPlanSchedule(version.plan).map(({ step, offsetSeconds }) => {
        const outcome = outcomes.get(contactPlanStepRunKey({ processInstanceId, planKey: start.plan_key, stepId: step.id }));
        return {
          id: step.id,
          actionType: step.action.type,
          runAt: contactPlanStepRunAt(start.started_at, offsetSeconds).toISOString(),
          status: statusOf(outcome),
          outcome: outcome ?? null,
        };
      });
      items.push({
        planKey: start.plan_key,
        contactPlanId: version.id,
        version: version.version,
        name: version.plan.name,
        elementId: start.element_id,
        startedAt: start.started_at.toISOString(),
        steps,
      });
    }
    return { items };
  }
}
