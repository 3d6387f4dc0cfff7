// Deploy-time check of the templates inside an `actions` rule set: every text field of every
// action must parse as a liquidjs template, and a `sendEmail.template` must name a template
// resource of the same deployment. Kept here (not in process-package's validateRuleSet)
// because it needs liquidjs; the engine runs both and reports the problems together.
import type { RuleAction, RuleSet, RuleSetProblem } from '@stageflow/process-package';
import { TemplateRenderer } from './template-renderer.js';

const templateFields: { [T in RuleAction['type']]: ReadonlyArray<keyof Extract<RuleAction, { type: T }>> } = {
  createTask: ['title', 'description'],
  sendEmail: ['to', 'subject', 'body'],
  callWebhook: ['url', 'body'],
  setVariables: [],
  startProcess: [],
  notifyUser: ['user', 'message'],
};

/**
 * Problems of the action templates of a valid rule set (see validateRuleSet), with rule id and
 * path. `deployedTemplates`: names of the template resources deployed with it.
 */
export function checkActionTemplates(ruleSet: RuleSet, deployedTemplates: readonly string[] = []): RuleSetProblem[] {
  if (ruleSet.kind !== 'actions') return [];
  const renderer = new TemplateRenderer(Object.fromEntries(deployedTemplates.map((name) => [name, ''])));
  const problems: RuleSetProblem[] = [];
  ruleSet.rules.forEach((rule, ruleIndex) => {
    rule.result.actions.forEach((action, actionIndex) => {
      const path = `rules[${ruleIndex}].result.actions[${actionIndex}]`;
      for (const field of templateFields[action.type] as readonly string[]) {
        const source = (action as unknown as Record<string, unknown>)[field];
        if (typeof source !== 'string') continue;
        const problem = renderer.check(source);
        if (problem !== undefined) problems.push({ ruleId: rule.id, path: `${path}.${field}`, message: `is not a valid template: ${problem}` });
      }
      if (action.type === 'sendEmail' && action.template !== undefined && !deployedTemplates.includes(action.template)) {
        problems.push({ ruleId: rule.id, path: `${path}.template`, message: `"${action.template}" is not a template resource of this deployment` });
      }
    });
  });
  return problems;
}
