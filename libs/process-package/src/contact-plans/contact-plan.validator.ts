// Deploy-time check of a contact plan (`*.contact-plan.json`): the envelope, then per step a
// unique id, an offset that is a fixed-length ISO 8601 duration of at most a year, and the
// action by the schema of its type. Every problem names the JSON path of the offending value.
// Templates inside the actions' text fields are checked by @stageflow/rules (checkActionTemplate).
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import { parseIsoDuration } from '../durations/iso-duration.js';
import { checkAction } from '../rule-sets/check-action.js';
import { compileLooseSchema } from '../validation/schema-compiler.js';
import { maxValidationIssues, validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { contactPlanSchema, maxContactPlanOffsetSeconds } from './contact-plan.schema.js';
import type { ContactPlan } from './contact-plan.types.js';
import { readJsonResource } from '../validation/read-json-resource.js';

export type ContactPlanParse = { ok: true; plan: ContactPlan } | { ok: false; problems: ValidationIssue[] };

const envelope = compileLooseSchema<ContactPlan>(contactPlanSchema);

/** Parses the text of a `*.contact-plan.json` resource and validates it. */
export function parseContactPlan(text: string): ContactPlanParse {
  const read = readJsonResource(text);
  if (!read.ok) return read;
  const value = read.value;
  const problems = validateContactPlan(value);
  return problems.length === 0 ? { ok: true, plan: value as ContactPlan } : { ok: false, problems };
}

/** Every problem of a contact plan (at most `maxValidationIssues`); `[]` when it is valid. */
export function validateContactPlan(value: unknown): ValidationIssue[] {
  const problems = validateWith(envelope, value);
  const steps = typeof value === 'object' && value !== null ? (value as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(steps)) return problems.slice(0, maxValidationIssues);
  const firstIndexById = new Map<string, number>();
  steps.forEach((step: unknown, index) => {
    if (typeof step !== 'object' || step === null) return;
    const path = `steps[${index}]`;
    const { id, offset, action } = step as { id?: unknown; offset?: unknown; action?: unknown };
    if (typeof id === 'string') {
      const first = firstIndexById.get(id);
      if (first === undefined) firstIndexById.set(id, index);
      else problems.push({ path: `${path}.id`, message: `"${id}" is also the id of steps[${first}]` });
    }
    if (typeof offset === 'string') {
      const parsed = parseIsoDuration(offset);
      if (!parsed.ok) problems.push({ path: `${path}.offset`, message: parsed.message });
      else if (parsed.seconds > maxContactPlanOffsetSeconds)
        problems.push({ path: `${path}.offset`, message: `must be at most a year (${maxContactPlanOffsetSeconds} seconds)` });
    }
    const typeKnown = problems.every((problem) => problem.path !== `${path}.action` && problem.path !== `${path}.action.type`);
    if (action !== undefined && typeKnown) problems.push(...checkAction(action, `${path}.action`));
  });
  return problems.slice(0, maxValidationIssues);
}

/** The problems as the `details` of a refused deployment, for the resource named `resource`. */
export function contactPlanDeploymentProblems(resource: string, problems: readonly ValidationIssue[]): DeploymentProblem[] {
  return problems.map(({ path, message }) => ({ resource, path, message: path === '' ? `the contact plan ${message}` : `${path} ${message}` }));
}
