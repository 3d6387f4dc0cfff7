// When each step of a plan runs, as seconds after the plan's start. The engine adds these to
// the DATABASE clock of the transaction that starts the plan (never a node's clock), so the
// schedule is the same whichever node starts it.
import { parseIsoDuration } from '../durations/iso-duration.js';
import type { ContactPlan, ContactPlanStep } from './contact-plan.types.js';

export interface ScheduledContactPlanStep {
  step: ContactPlanStep;
  offsetSeconds: number;
}

/** The steps of a validated plan with their offsets in seconds, earliest first (ties: plan order). */
export function contactPlanSchedule(plan: ContactPlan): ScheduledContactPlanStep[] {
  return plan.steps
    .map((step) => {
      const offset = parseIsoDuration(step.offset);
      if (!offset.ok) throw new Error(`contact plan ${plan.key} step ${step.id}: offset ${offset.message} (the plan was not validated)`);
      return { step, offsetSeconds: offset.seconds };
    })
    .sort((a, b) => a.offsetSeconds - b.offsetSeconds);
}

/** The instant a step runs for a plan started at `startedAt`. */
export function contactPlanStepRunAt(startedAt: Date, offsetSeconds: number): Date {
  return new Date(startedAt.getTime() + offsetSeconds * 1000);
}
