// Deploy-time check of an action template (`*.action.json`): the envelope, then the action by
// the schema of its type. Every problem names the JSON path of the offending value. Templates
// inside the text fields are checked by @stageflow/rules (checkActionTemplate: needs liquidjs).
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import { checkAction } from '../rule-sets/check-action.js';
import { compileLooseSchema } from '../validation/schema-compiler.js';
import { maxValidationIssues, validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { actionTemplateSchema } from './action-template.schema.js';
import type { ActionTemplate } from './action-template.types.js';
import { readJsonResource } from '../validation/read-json-resource.js';

export type ActionTemplateParse = { ok: true; template: ActionTemplate } | { ok: false; problems: ValidationIssue[] };

const envelope = compileLooseSchema<ActionTemplate>(actionTemplateSchema);

/** Parses the text of a `*.action.json` resource and validates it. */
export function parseActionTemplate(text: string): ActionTemplateParse {
  const read = readJsonResource(text);
  if (!read.ok) return read;
  const value = read.value;
  const problems = validateActionTemplate(value);
  return problems.length === 0 ? { ok: true, template: value as ActionTemplate } : { ok: false, problems };
}

/** Every problem of an action template (at most `maxValidationIssues`); `[]` when it is valid. */
export function validateActionTemplate(value: unknown): ValidationIssue[] {
  const problems = validateWith(envelope, value);
  const action = typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
  const typeKnown = problems.every((problem) => problem.path !== 'action' && problem.path !== 'action.type');
  if (action !== undefined && typeKnown) problems.push(...checkAction(action, 'action'));
  return problems.slice(0, maxValidationIssues);
}

/** The problems as the `details` of a refused deployment, for the resource named `resource`. */
export function actionTemplateDeploymentProblems(resource: string, problems: readonly ValidationIssue[]): DeploymentProblem[] {
  return problems.map(({ path, message }) => ({ resource, path, message: path === '' ? `the action template ${message}` : `${path} ${message}` }));
}
