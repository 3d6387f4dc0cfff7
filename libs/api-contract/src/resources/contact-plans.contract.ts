// GET /api/v1/process-instances/{id}/contact-plans: the progress of the instance's contact plans.
import { array, described, instant, integer, named, nullable, object, string, stringEnum, uuid } from '../schemas/json-schema.js';

export type ContactPlanStepStatus = 'scheduled' | 'done' | 'failed' | 'skipped';

export interface ContactPlanStepProgressView {
  id: string;
  actionType: string;
  /** The plan start + the step offset (database clock). */
  runAt: string;
  /** skipped: the instance had ended when the step came due. */
  status: ContactPlanStepStatus;
  /** The recorded outcome ({kind, note?, errorCode?, message?}) once the step ran. */
  outcome: Record<string, unknown> | null;
}

export interface ContactPlanProgressView {
  planKey: string;
  contactPlanId: string;
  version: number;
  name: string;
  /** What started the plan: a service task, or <ruleSetKey>/<ruleId>. */
  elementId: string;
  startedAt: string;
  steps: ContactPlanStepProgressView[];
}

export interface ContactPlanProgressList {
  items: ContactPlanProgressView[];
}

export const contactPlanProgressListSchema = named<ContactPlanProgressList>('contact-plan-progress-list', {
  items: array(
    object<ContactPlanProgressView>({
      planKey: string,
      contactPlanId: uuid,
      version: integer,
      name: string,
      elementId: described(string, 'What started the plan: a service task, or <ruleSetKey>/<ruleId>.'),
      startedAt: instant,
      steps: array(
        object<ContactPlanStepProgressView>({
          id: string,
          actionType: string,
          runAt: described(instant, 'The plan start + the step offset (database clock).'),
          status: stringEnum(['scheduled', 'done', 'failed', 'skipped'], 'skipped: the instance had ended when the step came due.'),
          outcome: nullable({ type: 'object', description: 'The recorded outcome ({kind, note?, errorCode?, message?}) once the step ran.' }),
        }),
      ),
    }),
  ),
});
