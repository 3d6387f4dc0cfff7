// The job that runs one step of a contact plan started on an instance, at the plan's start plus
// the step's offset (database clock). Its key and its run's idempotency key are made of the
// instance, the plan and the step, so a step is scheduled once and runs once per instance.
import type { JobRequest } from '../../platform/jobs/job-request.js';

export const RUN_CONTACT_PLAN_STEP_TASK = 'stageflow.run-contact-plan-step';

export interface ContactPlanStepRef {
  processInstanceId: string;
  planKey: string;
  /** The plan version started: its steps are the ones scheduled, whatever is deployed later. */
  contactPlanId: string;
  stepId: string;
  /** The service task whose action started the plan: the tasks a step creates are filed under it. */
  elementId: string;
}

export function contactPlanStepJob(step: ContactPlanStepRef, runAt: Date): JobRequest {
  return {
    task: RUN_CONTACT_PLAN_STEP_TASK,
    payload: { ...step },
    runAt: runAt.toISOString(),
    key: `contact-plan:${step.processInstanceId}:${step.planKey}:${step.stepId}`,
  };
}

/** The idempotency key of a step's run (action_runs, and what the step's runner derives ids from). */
export function contactPlanStepRunKey(step: Pick<ContactPlanStepRef, 'processInstanceId' | 'planKey' | 'stepId'>): string {
  return `${step.processInstanceId}:contact-plan:${step.planKey}:${step.stepId}`;
}
