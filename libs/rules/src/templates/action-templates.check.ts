// Deploy-time check of the templates inside actions (of an `actions` rule set or of an action
// template): every text field must parse as a liquidjs template and include only deployed
// templates, string values of setVariables / startProcess variables likewise (they are
// rendered too), and a `sendEmail.template` or `createDocument.template` must name a deployed template. Kept here (not in
// process-package's validators) because it needs liquidjs; the engine runs both and reports
// the problems together.
import type { RuleAction, RuleSet, RuleSetProblem, ValidationIssue } from '@stageflow/process-package';
import { actionTextFields, mapJsonStrings } from './action-text-fields.js';
import { TemplateRenderer } from './template-renderer.js';

/** Deployed template resources by name: what `sendEmail.template` and `{% include %}` may name. */
export type DeployedTemplates = Readonly<Record<string, string>>;

/** Problems of the templates of one valid action at `path` (e.g. `action`). */
export function checkActionTemplate(action: RuleAction, path: string, deployedTemplates: DeployedTemplates = {}): ValidationIssue[] {
  return checkWith(new TemplateRenderer(deployedTemplates), action, path, deployedTemplates);
}

/**
 * Problems of the action templates of a valid rule set (see validateRuleSet), with rule id and
 * path.
 */
export function checkActionTemplates(ruleSet: RuleSet, deployedTemplates: DeployedTemplates = {}): RuleSetProblem[] {
  if (ruleSet.kind !== 'actions') return [];
  const renderer = new TemplateRenderer(deployedTemplates);
  return ruleSet.rules.flatMap((rule, ruleIndex) =>
    rule.result.actions.flatMap((action, actionIndex) =>
      checkWith(renderer, action, `rules[${ruleIndex}].result.actions[${actionIndex}]`, deployedTemplates).map((issue) => ({ ruleId: rule.id, ...issue })),
    ),
  );
}

function checkWith(renderer: TemplateRenderer, action: RuleAction, path: string, deployedTemplates: DeployedTemplates): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const checkText = (source: string, at: string): void => {
    const problem = renderer.check(source);
    if (problem !== undefined) problems.push({ path: at, message: `is not a valid template: ${problem}` });
  };
  for (const field of actionTextFields[action.type] as readonly string[]) {
    const source = (action as unknown as Record<string, unknown>)[field];
    if (typeof source === 'string') checkText(source, `${path}.${field}`);
  }
  if ((action.type === 'setVariables' || action.type === 'startProcess') && action.variables !== undefined) {
    mapJsonStrings(action.variables, `${path}.variables`, (text, at) => {
      checkText(text, at);
      return text;
    });
  }
  if (action.type === 'setRecordFields' || action.type === 'createRecord') {
    mapJsonStrings(action.fields, `${path}.fields`, (text, at) => {
      checkText(text, at);
      return text;
    });
  }
  if (action.type === 'sendEmail') action.attachments?.forEach((item, index) => checkText(item, `${path}.attachments[${index}]`));
  const named = action.type === 'sendEmail' || action.type === 'createDocument' ? action.template : undefined;
  if (named !== undefined && !Object.hasOwn(deployedTemplates, named)) {
    problems.push({
      path: `${path}.template`,
      message: `"${named}" is not a deployed template (a .liquid resource of this deployment or deployed before)`,
    });
  }
  return problems;
}
