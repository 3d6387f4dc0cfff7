// The contact-plan format: a JSON document deployed like a rule set (`*.contact-plan.json`),
// versioned by `key`: the sequence of calls, e-mails and meetings a seller works through for a
// lead or an account, each step an action at an offset from the plan's start. A plan is started
// by a `startContactPlan` action (a service task's action template, whose `plan` may be a
// template over a rule set's result, e.g. `{{ bant.contactPlan }}`).
import type { RuleAction } from '../rule-sets/rule-set.types.js';

/**
 * The actions a step may run: every action type but startContactPlan (a plan does not start
 * plans) and setVariables (no token waits for a step to take its variables).
 */
export type ContactPlanStepAction = Exclude<RuleAction, { type: 'startContactPlan' | 'setVariables' | 'setRecordFields' | 'createRecord' }>;

export interface ContactPlanStep {
  /** Unique in the plan; part of the step's idempotency key, so keep it when editing a plan. */
  id: string;
  /** ISO 8601 duration after the plan's start (weeks, days, hours, minutes, seconds), e.g. `P2D`; `PT0S` = at once. */
  offset: string;
  action: ContactPlanStepAction;
}

export interface ContactPlan {
  key: string;
  name: string;
  description?: string;
  steps: ContactPlanStep[];
}
