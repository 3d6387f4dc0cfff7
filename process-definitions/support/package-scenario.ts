// Drives a standard package's diagrams with the pure interpreter (libs/bpmn-runtime's Scenario):
// the parameters are the manifest's defaults (or the spec's overrides), business-rule tasks and
// assignments evaluate the package's own rule sets with libs/rules, and the record the instance is
// about is whatever the spec holds. What the engine adds around it (actions, jobs, records) is the
// API suites' part (apps/engine/test/standard-*.e2e-spec.ts).
import { Scenario, type ActionRequestedEffect, type ScenarioInstance, type Variables } from '@stageflow/bpmn-runtime';
import {
  parameterDefaults as manifestDefaults,
  parseManifest,
  parseRuleSet,
  validatePackage,
  type DeploymentProblem,
  type JsonValue,
  type RuleAction,
  type RuleSet,
} from '@stageflow/process-package';
import { compileRuleSet, decisionValue, renderAction, TemplateRenderer, variablesFactResolver } from '@stageflow/rules';
import { packageFiles, type PackageFileText } from './package-files.js';

export { packageFiles, type PackageFileText };

/** The parameter values a package starts with: each parameter's default. */
export function parameterDefaults(files: PackageFileText[]): Record<string, JsonValue> {
  const parsed = parseManifest(files.find((file) => file.path === 'manifest.json')?.content ?? '');
  if (!parsed.ok) throw new Error(`manifest.json: ${JSON.stringify(parsed.problems)}`);
  return manifestDefaults(parsed.manifest) as Record<string, JsonValue>;
}

/** The problems validatePackage finds in the package folder (none for a package that deploys). */
export async function packageProblems(name: string): Promise<DeploymentProblem[]> {
  const encoder = new TextEncoder();
  const validation = await validatePackage((await packageFiles(name)).map((file) => ({ path: file.path, content: encoder.encode(file.content) })));
  return validation.ok ? [] : validation.problems;
}

export interface PackageScenarioOptions {
  /** Parameters that differ from the defaults. */
  params?: Record<string, JsonValue>;
  /** The record the instance is about, read before every command (as the engine reads it fresh). */
  record?: () => Record<string, unknown> | undefined;
  now?: string;
}

/** The package's rule sets by key, parsed (a rule set that does not parse fails the spec). */
export function packageRuleSets(files: PackageFileText[]): Map<string, RuleSet> {
  const ruleSets = new Map<string, RuleSet>();
  for (const file of files.filter((candidate) => candidate.path.endsWith('.rule-set.json'))) {
    const parsed = parseRuleSet(file.content);
    if (!parsed.ok) throw new Error(`${file.path}: ${JSON.stringify(parsed.problems)}`);
    ruleSets.set(parsed.ruleSet.key, parsed.ruleSet);
  }
  return ruleSets;
}

/** What the rule set decides on these facts (with `params` among them, as the engine gives it): the value a business-rule task writes. */
export function evaluateRuleSet(ruleSet: RuleSet, facts: Record<string, unknown>, now: string): JsonValue {
  return decisionValue(ruleSet, compileRuleSet(ruleSet).decide(variablesFactResolver(facts as Variables), new Date(now)));
}

/** The package's action template `key` rendered over `variables`, as the engine renders it before its runner runs it. */
export function renderedAction(files: PackageFileText[], key: string, variables: Record<string, JsonValue>): Record<string, unknown> {
  const file = files.find((candidate) => candidate.path === `actions/${key}.action.json`);
  if (!file) throw new Error(`no action template ${key}`);
  const rendered = renderAction((JSON.parse(file.content) as { action: RuleAction }).action, new TemplateRenderer(), variables);
  if (!rendered.ok) throw new Error(`${key}: ${rendered.field}: ${rendered.message}`);
  return rendered.action as unknown as Record<string, unknown>;
}

/** The package's diagrams in a Scenario whose rule sets are the package's own. */
export async function packageScenario(name: string, options: PackageScenarioOptions = {}): Promise<Scenario> {
  const files = await packageFiles(name);
  const ruleSets = packageRuleSets(files);
  const params = { ...parameterDefaults(files), ...options.params };
  const now = options.now ?? '2024-01-01T09:00:00.000Z';
  return Scenario.deploy(
    files.filter((file) => file.path.endsWith('.bpmn')).map((file) => file.content),
    {
      params,
      now,
      ...(options.record ? { record: options.record } : {}),
      decide: (key, facts) => {
        const ruleSet = ruleSets.get(key);
        if (!ruleSet) return { ok: false, message: `no rule set with key "${key}" in the package` };
        return { ok: true, value: evaluateRuleSet(ruleSet, { ...facts, params }, now) };
      },
    },
  );
}

/** The one pending action of a service or send task. */
export function pendingAction(instance: ScenarioInstance, elementId: string): ActionRequestedEffect {
  const found = instance.pendingActions().filter((action) => action.elementId === elementId);
  if (found.length !== 1)
    throw new Error(`expected one pending action at ${elementId}, found ${found.length} (waiting at: ${instance.waitingAt().join(', ')})`);
  return found[0]!;
}

/** Completes the pending action of `elementId` as the engine's job does after running it. */
export function completeAction(instance: ScenarioInstance, elementId: string, variables: Variables = {}): ScenarioInstance {
  return instance.send({ type: 'completeAction', actionId: pendingAction(instance, elementId).actionId, variables });
}

/**
 * Completes pending actions one after another, as the engine's action jobs do, with the variables
 * `results` gives per element; stops at an action of an element in `stopAt`. Answers the elements run;
 * throws when the instance has raised an incident.
 */
export function runActions(instance: ScenarioInstance, results: Record<string, Variables> = {}, stopAt: readonly string[] = []): string[] {
  const ran: string[] = [];
  for (let pending = instance.pendingActions(); pending.length > 0; pending = instance.pendingActions()) {
    const action = pending[0]!;
    if (stopAt.includes(action.elementId)) break;
    instance.send({ type: 'completeAction', actionId: action.actionId, variables: results[action.elementId] ?? {} });
    ran.push(action.elementId);
  }
  // A spec that drives the package never expects an incident: name it rather than fail later at a missing task.
  const incidents = instance.incidents();
  if (incidents.length > 0) throw new Error(`incidents: ${incidents.map((incident) => `${incident.elementId}: ${incident.message}`).join('; ')}`);
  return ran;
}
