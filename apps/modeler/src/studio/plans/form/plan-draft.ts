// A contact plan as its editor holds it, and a new step (an id unique in the plan: it is part of
// the step's idempotency key, so a step keeps its id once deployed).
import type { ActionDraft } from './action-fields';

export interface StepDraft {
  id: string;
  offset: string;
  action: ActionDraft;
}

export interface PlanDraft {
  key: string;
  name: string;
  description?: string;
  steps: StepDraft[];
}

export function withNewStep(plan: PlanDraft): PlanDraft {
  const ids = new Set(plan.steps.map((step) => step.id));
  let n = plan.steps.length + 1;
  while (ids.has(`step-${n}`)) n += 1;
  return { ...plan, steps: [...plan.steps, { id: `step-${n}`, offset: plan.steps.length === 0 ? 'PT0S' : 'P1D', action: { type: 'createTask', title: '' } }] };
}
