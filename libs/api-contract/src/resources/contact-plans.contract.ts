// GET /api/v1/contact-plans (and /{id}): deployed contact plans; GET
// /api/v1/process-instances/{id}/contact-plans: the progress of the instance's contact plans.
import { contactPlanSchema } from '@stageflow/process-package';
import {
  anyObject,
  array,
  described,
  instant,
  integer,
  named,
  nullable,
  object,
  page,
  string,
  stringEnum,
  uuid,
  type PropertiesOf,
} from '../schemas/json-schema.js';

/** A deployed version of a contact plan (`*.contact-plan.json`). */
export interface ContactPlanView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export interface ContactPlanDetailView extends ContactPlanView {
  /** The contact plan as deployed (docs/actions.md). */
  content: Record<string, unknown>;
}

const planProperties: PropertiesOf<ContactPlanView> = {
  id: uuid,
  key: string,
  version: integer,
  name: nullable(string),
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
};

export const contactPlanSummarySchema = named<ContactPlanView>('contact-plan-summary', planProperties);

export const contactPlanDetailSchema = named<ContactPlanDetailView>('contact-plan', {
  ...planProperties,
  content: described(anyObject, `The contact plan as deployed (docs/actions.md; JSON Schema ${String(contactPlanSchema.$id)}).`),
});

export const contactPlanPageSchema = page('contact-plan-page', contactPlanSummarySchema);

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
