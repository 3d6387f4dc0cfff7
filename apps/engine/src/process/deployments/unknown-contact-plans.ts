// startContactPlan actions whose `plan` is a literal key (no liquid tag) that is neither a
// contact plan of this deployment nor deployed: caught at deploy, not when a lead reaches the
// service task. A plan picked by a template (`{{ bant.contactPlan }}`) can only be judged when it
// is rendered: an unknown key then fails the action with UNKNOWN_CONTACT_PLAN. (Contact plans are
// never deleted, so a key found now still exists when the action runs.)
import type { DeploymentProblem, RuleAction, RuleSet } from '@stageflow/process-package';

/** Which of `keys` have a deployed version (the table's repository answers). */
export type DeployedKeys = (keys: readonly string[]) => Promise<Set<string>>;

/** A startContactPlan action of a resource, at its JSON path. */
export interface ContactPlanReference {
  resource: string;
  /** The rule id, for an actions rule set. */
  ruleId?: string;
  path: string;
  plan: string;
}

const isLiteral = (text: string): boolean => !text.includes('{{') && !text.includes('{%');

/** The startContactPlan actions of an action template's `action`. */
export function templateContactPlanReferences(resource: string, action: RuleAction): ContactPlanReference[] {
  return action.type === 'startContactPlan' ? [{ resource, path: 'action.plan', plan: action.plan }] : [];
}

/** The startContactPlan actions of an `actions` rule set. */
export function ruleSetContactPlanReferences(resource: string, ruleSet: RuleSet): ContactPlanReference[] {
  if (ruleSet.kind !== 'actions') return [];
  return ruleSet.rules.flatMap((rule, ruleIndex) =>
    rule.result.actions.flatMap((action, actionIndex) =>
      action.type === 'startContactPlan'
        ? [{ resource, ruleId: rule.id, path: `rules[${ruleIndex}].result.actions[${actionIndex}].plan`, plan: action.plan }]
        : [],
    ),
  );
}

export async function unknownContactPlans(
  deployedKeys: DeployedKeys,
  references: readonly ContactPlanReference[],
  inDeployment: ReadonlySet<string>,
): Promise<DeploymentProblem[]> {
  const literal = references.filter((reference) => isLiteral(reference.plan) && !inDeployment.has(reference.plan.trim()));
  if (literal.length === 0) return [];
  const deployed = await deployedKeys([...new Set(literal.map((reference) => reference.plan.trim()))]);
  return literal
    .filter((reference) => !deployed.has(reference.plan.trim()))
    .map((reference) => ({
      resource: reference.resource,
      ...(reference.ruleId === undefined ? {} : { elementId: reference.ruleId }),
      path: reference.path,
      message: `${reference.path} "${reference.plan}" is neither a contact plan of this deployment nor deployed`,
    }));
}
