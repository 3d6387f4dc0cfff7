// The cross references inside a package, which must all resolve inside it (a package is
// self-contained): what diagrams, rule sets, action templates, contact plans and liquid templates
// name — rule sets of the right kind, action templates, forms, liquid templates, contact plans and
// declared parameters — and the manifest's recordTypes processes. Each problem names the file,
// the element (or rule id) and the JSON path where there is one, and the missing name.
import { actionReferences, exitCriteriaReferences, formReferences, parameterReferences, ruleSetReferences, type ProcessGraph } from '@stageflow/bpmn-runtime';
import type { ActionTemplate } from '../action-templates/action-template.types.js';
import type { ContactPlan } from '../contact-plans/contact-plan.types.js';
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import type { Condition, RuleAction, RuleSet } from '../rule-sets/rule-set.types.js';
import { liquidParameterNames, liquidTemplateNames } from './liquid-references.js';
import { MANIFEST_FILE } from './package-limits.js';
import type { PackageManifest } from './package.types.js';

/** The parsed resources of a package, by key, each with the file it came from. */
export interface PackageContents {
  diagrams: { resource: string; processes: ProcessGraph[] }[];
  ruleSets: Map<string, { resource: string; ruleSet: RuleSet }>;
  actionTemplates: Map<string, { resource: string; template: ActionTemplate }>;
  contactPlans: Map<string, { resource: string; plan: ContactPlan }>;
  templates: Map<string, { resource: string; content: string }>;
  forms: Map<string, { resource: string }>;
}

/** An action inside a resource: where it is (JSON path, rule id) and what it is. */
interface PlacedAction {
  resource: string;
  ruleId?: string;
  path: string;
  action: RuleAction;
}

const isLiteral = (text: string): boolean => !text.includes('{{') && !text.includes('{%');

/** Every unresolved reference of the package; `manifest` undefined (invalid) skips the parameter checks. */
export function packageReferenceProblems(contents: PackageContents, manifest: PackageManifest | undefined): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const parameters = manifest === undefined ? undefined : new Set(Object.keys(manifest.parameters?.properties ?? {}));
  const unknownParameter = (name: string): boolean => parameters !== undefined && !parameters.has(name);
  const parameterMessage = (name: string): string => `params.${name} is not a parameter declared in ${MANIFEST_FILE}`;

  for (const { resource, processes } of contents.diagrams) {
    for (const graph of processes) {
      for (const reference of [...ruleSetReferences(graph), ...exitCriteriaReferences(graph)]) {
        const where = { resource, elementId: reference.elementId };
        const found = contents.ruleSets.get(reference.ruleSetKey);
        const wanted = reference.attribute === 'ruleSet' ? undefined : reference.attribute;
        if (found === undefined)
          problems.push({ ...where, message: `stageflow:${reference.attribute} "${reference.ruleSetKey}" is not a rule set of the package` });
        else if (wanted !== undefined && found.ruleSet.kind !== wanted)
          problems.push({
            ...where,
            message: `stageflow:${reference.attribute} "${reference.ruleSetKey}" is a ${found.ruleSet.kind} rule set, not an ${wanted} rule set`,
          });
      }
      for (const reference of actionReferences(graph)) {
        if (!contents.actionTemplates.has(reference.actionKey))
          problems.push({
            resource,
            elementId: reference.elementId,
            message: `stageflow:action "${reference.actionKey}" is not an action template of the package`,
          });
      }
      for (const reference of formReferences(graph)) {
        if (!contents.forms.has(reference.formKey))
          problems.push({
            resource,
            elementId: reference.elementId,
            message: `stageflow:formKey "${reference.formKey}" is not a form of the package (${reference.formKey}.form.json)`,
          });
      }
      for (const reference of parameterReferences(graph)) {
        if (unknownParameter(reference.parameter)) problems.push({ resource, elementId: reference.elementId, message: parameterMessage(reference.parameter) });
      }
    }
  }

  const actions: PlacedAction[] = [];
  for (const { resource, ruleSet } of contents.ruleSets.values()) {
    (ruleSet.rules as RuleSet['rules']).forEach((rule, ruleIndex) => {
      for (const name of conditionParameters(rule.conditions)) {
        if (unknownParameter(name)) problems.push({ resource, elementId: rule.id, path: `rules[${ruleIndex}].conditions`, message: parameterMessage(name) });
      }
    });
    if (ruleSet.kind === 'actions')
      ruleSet.rules.forEach((rule, ruleIndex) =>
        rule.result.actions.forEach((action, index) =>
          actions.push({ resource, ruleId: rule.id, path: `rules[${ruleIndex}].result.actions[${index}]`, action }),
        ),
      );
    if (ruleSet.kind === 'territory')
      ruleSet.rules.forEach((rule, ruleIndex) =>
        (rule.result.actions ?? []).forEach((key, index) => {
          const at = `rules[${ruleIndex}].result.actions[${index}]`;
          if (contents.ruleSets.get(key)?.ruleSet.kind !== 'actions')
            problems.push({ resource, elementId: rule.id, path: at, message: `${at} "${key}" is not an actions rule set of the package` });
        }),
      );
  }
  for (const { resource, template } of contents.actionTemplates.values()) actions.push({ resource, path: 'action', action: template.action });
  for (const { resource, plan } of contents.contactPlans.values())
    plan.steps.forEach((step, index) => actions.push({ resource, path: `steps[${index}].action`, action: step.action }));

  for (const placed of actions) {
    const where = { resource: placed.resource, ...(placed.ruleId === undefined ? {} : { elementId: placed.ruleId }) };
    const { action, path } = placed;
    if (action.type === 'sendEmail' && action.template !== undefined && !contents.templates.has(action.template))
      problems.push({
        ...where,
        path: `${path}.template`,
        message: `${path}.template "${action.template}" is not a template of the package (${action.template}.liquid)`,
      });
    if (action.type === 'createDocument' && !contents.templates.has(action.template))
      problems.push({
        ...where,
        path: `${path}.template`,
        message: `${path}.template "${action.template}" is not a template of the package (${action.template}.liquid)`,
      });
    if (action.type === 'startContactPlan' && isLiteral(action.plan) && !contents.contactPlans.has(action.plan.trim()))
      problems.push({ ...where, path: `${path}.plan`, message: `${path}.plan "${action.plan}" is not a contact plan of the package` });
    forEachString(action, path, (text, at) => {
      for (const name of liquidParameterNames(text)) if (unknownParameter(name)) problems.push({ ...where, path: at, message: parameterMessage(name) });
      for (const name of liquidTemplateNames(text))
        if (!contents.templates.has(name))
          problems.push({ ...where, path: at, message: `${at} names the template "${name}", which is not a template of the package` });
    });
  }

  for (const { resource, content } of contents.templates.values()) {
    for (const name of liquidParameterNames(content)) if (unknownParameter(name)) problems.push({ resource, message: parameterMessage(name) });
    for (const name of liquidTemplateNames(content))
      if (!contents.templates.has(name)) problems.push({ resource, message: `names the template "${name}", which is not a template of the package` });
  }

  if (manifest?.recordTypes !== undefined) {
    const processes = new Set(contents.diagrams.flatMap(({ processes: graphs }) => graphs.map((graph) => graph.id)));
    for (const [type, start] of Object.entries(manifest.recordTypes)) {
      if (start !== undefined && !processes.has(start.process))
        problems.push({
          resource: MANIFEST_FILE,
          path: `recordTypes.${type}.process`,
          message: `recordTypes.${type}.process "${start.process}" is not a process of the package's diagrams`,
        });
    }
  }
  return problems;
}

/** The parameters a rule's conditions read: the fact `params` at `$.<name>`. */
function conditionParameters(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionParameters);
  if ('any' in condition) return condition.any.flatMap(conditionParameters);
  if ('not' in condition) return conditionParameters(condition.not);
  if (condition.fact !== 'params' || condition.path === undefined) return [];
  const name = /^\$\.([A-Za-z_][A-Za-z0-9_]*)/.exec(condition.path)?.[1];
  return name === undefined ? [] : [name];
}

function forEachString(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => forEachString(item, `${path}[${index}]`, visit));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) forEachString(item, `${path}.${key}`, visit);
}
