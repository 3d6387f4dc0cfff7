// startContactPlan: starts the latest version of the rendered plan key on the instance, in the
// run's transaction: one contact_plan_starts row (primary key instance + plan key: a plan starts
// once per instance, a second start is a no-op) and one job per step at the start plus the
// step's offset by the DATABASE clock (the transaction's now()), with the history row. The
// row, the jobs and the run's record commit together or not at all.
import { Injectable } from '@nestjs/common';
import { contactPlanSchedule, contactPlanStepRunAt, type StartContactPlanAction } from '@stageflow/process-package';
import { contactPlanStepJob } from './contact-plan-jobs.js';
import { ContactPlanVersions } from './contact-plan-versions.js';
import { ContactPlanStartsRepository } from './contact-plan-starts.repository.js';
import { HistoryRepository } from '../process-instances/history.repository.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { UNKNOWN_CONTACT_PLAN } from '../actions/action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from '../actions/action-runner.js';

@Injectable()
export class StartContactPlanRunner implements ActionRunner<'startContactPlan'> {
  readonly type = 'startContactPlan' as const;

  constructor(
    private readonly plans: ContactPlanVersions,
    private readonly jobs: JobsService,
    private readonly starts: ContactPlanStartsRepository,
    private readonly history: HistoryRepository,
  ) {}

  async run(action: StartContactPlanAction, context: ActionRunContext): Promise<ActionOutcome> {
    const planKey = action.plan.trim();
    const version = await this.plans.latest(planKey, context.tx);
    if (!version) return { kind: 'failed', errorCode: UNKNOWN_CONTACT_PLAN, message: `startContactPlan: no contact plan "${planKey}" is deployed` };
    const startedAt = await this.starts.start(
      { process_instance_id: context.processInstanceId, plan_key: planKey, contact_plan_id: version.id, element_id: context.elementId },
      context.tx,
    );
    if (startedAt === undefined) return { kind: 'completed', note: `contact plan ${planKey} was already started on this instance` };
    const schedule = contactPlanSchedule(version.plan).map(({ step, offsetSeconds }) => ({
      stepId: step.id,
      runAt: contactPlanStepRunAt(startedAt, offsetSeconds),
    }));
    const ref = { processInstanceId: context.processInstanceId, planKey, contactPlanId: version.id, elementId: context.elementId };
    await this.jobs.add(
      schedule.map(({ stepId, runAt }) => contactPlanStepJob({ ...ref, stepId }, runAt)),
      context.tx,
    );
    await this.history.append(
      [
        {
          processInstanceId: context.processInstanceId,
          elementId: context.elementId,
          elementType: null,
          event: 'contact-plan-started',
          payload: { plan: planKey, version: version.version, steps: schedule.map(({ stepId, runAt }) => ({ stepId, runAt: runAt.toISOString() })) },
        },
      ],
      context.tx,
    );
    return {
      kind: 'completed',
      note: `contact plan ${planKey} version ${version.version} started: ${schedule.length} step${schedule.length === 1 ? '' : 's'} scheduled`,
    };
  }
}
