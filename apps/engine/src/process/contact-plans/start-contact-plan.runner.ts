// startContactPlan: starts the latest version of the rendered plan key on the instance, in the
// run's transaction: one contact_plan_starts row (primary key instance + plan key: a plan starts
// once per instance, a second start is a no-op) and one job per step at the start plus the
// step's offset by the DATABASE clock (the transaction's now()), with the history row. The
// row, the jobs and the run's record commit together or not at all.
import { Injectable } from '@nestjs/common';
import { contactPlanSchedule, contactPlanStepRunAt, type StartContactPlanAction } from '@stageflow/process-package';
import { rowsOf } from '../../platform/database/query-rows.js';
import { contactPlanStepJob } from './contact-plan-jobs.js';
import { ContactPlanVersions } from './contact-plan-versions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { UNKNOWN_CONTACT_PLAN } from '../actions/action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from '../actions/action-runner.js';

@Injectable()
export class StartContactPlanRunner implements ActionRunner<'startContactPlan'> {
  readonly type = 'startContactPlan' as const;

  constructor(
    private readonly plans: ContactPlanVersions,
    private readonly jobs: JobsService,
  ) {}

  async run(action: StartContactPlanAction, context: ActionRunContext): Promise<ActionOutcome> {
    const planKey = action.plan.trim();
    const version = await this.plans.latest(planKey, context.tx);
    if (!version) return { kind: 'failed', errorCode: UNKNOWN_CONTACT_PLAN, message: `startContactPlan: no contact plan "${planKey}" is deployed` };
    const started = rowsOf<{ started_at: Date }>(
      await context.tx.query(
        `INSERT INTO contact_plan_starts (process_instance_id, plan_key, contact_plan_id, element_id, started_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (process_instance_id, plan_key) DO NOTHING RETURNING started_at`,
        [context.processInstanceId, planKey, version.id, context.elementId],
      ),
    );
    const startedAt = started[0]?.started_at;
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
    await context.tx.query(
      `INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload) VALUES ($1, $2, NULL, 'contact-plan-started', now(), $3::jsonb)`,
      [
        context.processInstanceId,
        context.elementId,
        JSON.stringify({ plan: planKey, version: version.version, steps: schedule.map(({ stepId, runAt }) => ({ stepId, runAt: runAt.toISOString() })) }),
      ],
    );
    return {
      kind: 'completed',
      note: `contact plan ${planKey} version ${version.version} started: ${schedule.length} step${schedule.length === 1 ? '' : 's'} scheduled`,
    };
  }
}
