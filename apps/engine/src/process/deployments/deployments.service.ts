import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { compileBpmn, exitCriteriaReferences, ruleSetReferences, startTriggers, TimerEvaluationError, type ProcessGraph } from '@stageflow/bpmn-runtime';
import {
  conflictsWithDeployed,
  conflictsWithinDeployment,
  messageStarts,
  parseRuleSet,
  resourceKind,
  ruleSetDeploymentProblems,
  type ActionTemplate,
  type DeploymentProblem,
  type DeploymentRequest,
  type RuleSet,
} from '@stageflow/process-package';
import { checkActionTemplates, type DeployedTemplates } from '@stageflow/rules';
import { InvalidDefinition } from '../../platform/errors/domain-errors.js';
import { eventStartEvents } from '../correlation/event-start-events.js';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { ActionTemplatesRepository } from '../action-templates/action-templates.repository.js';
import { ContactPlansRepository } from '../contact-plans/contact-plans.repository.js';
import { ProcessDefinitionsRepository } from '../process-definitions/process-definitions.repository.js';
import { RuleSetsRepository } from '../rule-sets/rule-sets.repository.js';
import { LiquidTemplatesRepository } from '../templates/liquid-templates.repository.js';
import { DeploymentsRepository } from './deployments.repository.js';
import { firstStartTimerJobs, startTimerKeyPrefix } from '../timers/timer-start-jobs.js';
import { LiquidTemplates } from '../templates/liquid-templates.js';
import { parseContactPlans } from './contact-plan-resources.js';
import { CustomFieldSchemaStores, parseCustomFieldResources } from './custom-field-resources.js';
import { RuleSetDeploymentListeners } from './rule-set-deployment-listeners.js';
import { parseActionTemplates, parseLiquidTemplates } from './template-resources.js';
import { unknownActionTemplates } from './unknown-action-templates.js';
import { inResource, listedWarnings } from './diagram-warnings.js';
import { parseFormResources, unknownForms } from './form-resources.js';
import { TaskFormsRepository } from '../forms/task-forms.repository.js';
import { ruleSetContactPlanReferences, templateContactPlanReferences, unknownContactPlans } from './unknown-contact-plans.js';
import { contentHash, insertVersions, planVersions, type DeployedVersion, type VersionedResource } from './versioned-resources.js';

export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

export interface DeployedRuleSet {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

export interface DeploymentResult {
  id: string;
  name: string;
  createdAt: string;
  processDefinitions: DeployedDefinition[];
  ruleSets: DeployedRuleSet[];
  /** The action templates (.action.json) of the deployment. */
  actionTemplates: DeployedVersion[];
  /** The contact plans (.contact-plan.json) of the deployment. */
  contactPlans: DeployedVersion[];
  /** The liquid templates (.liquid) of the deployment, by their key (file name without .liquid). */
  templates: DeployedVersion[];
  /** The custom-field schemas (<record type>.fields.json) of the deployment, by record type. */
  customFields: DeployedVersion[];
  /** The task forms (<key>.form.json) of the deployment. */
  forms: DeployedVersion[];
  /** False when every resource was already deployed with identical content. */
  created: boolean;
  /** What the diagrams hold that does not change what runs (compileBpmn's warnings), by resource. */
  warnings: DeploymentProblem[];
}

interface CompiledResource {
  resource: string;
  content: string;
  contentHash: string;
  processes: ProcessGraph[];
}

interface ParsedRuleSet {
  resource: string;
  contentHash: string;
  ruleSet: RuleSet;
}

interface CompiledDeployment {
  processes: CompiledResource[];
  ruleSets: ParsedRuleSet[];
  actionTemplates: VersionedResource[];
  contactPlans: VersionedResource[];
  templates: VersionedResource[];
  customFields: VersionedResource[];
  forms: VersionedResource[];
  warnings: DeploymentProblem[];
}

/** A caller's writes in a deployment's transaction, given what it deployed (DeploymentsService.deploy). */
export type DeploymentWithin = (result: DeploymentResult, tx: Queryable) => Promise<void>;

/** 422 listing every problem: the whole deployment is refused. */
function invalidDeployment(problems: DeploymentProblem[]): InvalidDefinition {
  return new InvalidDefinition(`the deployment has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was deployed`, problems);
}

/** Deploy = validate every resource, refuse the whole deployment on any problem, else store new versions. */
@Injectable()
export class DeploymentsService {
  constructor(
    private readonly deployments: DeploymentsRepository,
    private readonly definitions: ProcessDefinitionsRepository,
    private readonly ruleSets: RuleSetsRepository,
    private readonly actionTemplates: ActionTemplatesRepository,
    private readonly contactPlans: ContactPlansRepository,
    private readonly liquidTemplateVersions: LiquidTemplatesRepository,
    private readonly liquidTemplates: LiquidTemplates,
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    private readonly customFieldStores: CustomFieldSchemaStores,
    private readonly ruleSetListeners: RuleSetDeploymentListeners,
    private readonly forms: TaskFormsRepository,
  ) {}

  /**
   * `within`: more writes of the caller in the deployment's transaction, after its rows (a
   * package's own rows): the deployment commits only with them, and nothing of it when they throw.
   */
  async deploy(request: DeploymentRequest, deployedBy: string | null, within?: DeploymentWithin): Promise<DeploymentResult> {
    const compiled = await this.compileAll(request);
    return this.store(request.name, compiled, deployedBy, within);
  }

  /**
   * Checks a deployment as `deploy` does — every resource, the references between them and to what
   * is deployed — and stores nothing: the studio's Validate. Throws the same 422 as a deploy;
   * else answers the warnings the deploy would answer with.
   */
  async validate(request: DeploymentRequest): Promise<DeploymentProblem[]> {
    return (await this.compileAll(request)).warnings;
  }

  private async compileAll(request: DeploymentRequest): Promise<CompiledDeployment> {
    const problems: DeploymentProblem[] = [];
    const warnings: DeploymentProblem[] = [];
    const compiled: CompiledResource[] = [];
    const resourceByKey = new Map<string, string>();
    // Liquid templates first: rule sets and action templates may only name deployed ones
    // (this deployment's, or the latest deployed version of a key it does not hold).
    const templates = parseLiquidTemplates(request, await this.liquidTemplates.latest(), problems);
    const known: DeployedTemplates = templates.known;
    const ruleSets = this.parseRuleSets(request, known, problems);
    const actionTemplates = parseActionTemplates(request, known, problems);
    const contactPlans = parseContactPlans(request, known, problems);
    const customFields = parseCustomFieldResources(request, this.customFieldStores.registered(), problems);
    const forms = parseFormResources(request, problems);
    for (const resource of request.resources) {
      if (resourceKind(resource.name) !== 'bpmn') continue;
      let result;
      try {
        result = await compileBpmn(resource.content);
      } catch (error) {
        result = { ok: false as const, problems: [{ message: `cannot be compiled: ${error instanceof Error ? error.message : String(error)}` }], warnings: [] };
      }
      warnings.push(...listedWarnings(resource.name, result.warnings));
      if (!result.ok) {
        problems.push(...result.problems.map((problem) => inResource(resource.name, problem)));
        continue;
      }
      for (const process of result.processes) {
        const other = resourceByKey.get(process.id);
        if (other !== undefined) {
          problems.push({ resource: resource.name, elementId: process.id, message: `process id "${process.id}" is also defined in ${other}` });
        }
        resourceByKey.set(process.id, resource.name);
      }
      compiled.push({ resource: resource.name, content: resource.content, contentHash: contentHash(resource.content), processes: result.processes });
    }
    problems.push(...(await this.unknownRuleSets(compiled, ruleSets)));
    problems.push(
      ...(await unknownActionTemplates((keys) => this.actionTemplates.deployedKeys(keys), compiled, new Set(actionTemplates.map((template) => template.key)))),
    );
    const planReferences = [
      ...actionTemplates.flatMap((template) => templateContactPlanReferences(template.resource, (JSON.parse(template.content) as ActionTemplate).action)),
      ...ruleSets.flatMap((parsed) => ruleSetContactPlanReferences(parsed.resource, parsed.ruleSet)),
    ];
    problems.push(
      ...(await unknownContactPlans((keys) => this.contactPlans.deployedKeys(keys), planReferences, new Set(contactPlans.map((plan) => plan.key)))),
    );
    problems.push(...(await unknownForms((keys) => this.forms.deployedKeys(keys), compiled, new Set(forms.map((form) => form.key)))));
    problems.push(...conflictsWithinDeployment(messageStarts(compiled)));
    if (problems.length > 0) throw invalidDeployment(problems);
    return { processes: compiled, ruleSets, actionTemplates, contactPlans, templates: templates.resources, customFields, forms, warnings };
  }

  /**
   * Business-rule tasks (stageflow:ruleSet) and user tasks (stageflow:assignment, which must name
   * an assignment rule set; stageflow:exitCriteria, an exitCriteria rule set) whose rule-set key is neither in this deployment nor already deployed:
   * caught here, not when an instance reaches the task. (Rule sets are never deleted, so a key
   * found now still exists when the task runs.)
   */
  private async unknownRuleSets(processes: CompiledResource[], ruleSets: ParsedRuleSet[]): Promise<DeploymentProblem[]> {
    const inDeployment = new Set(ruleSets.map((parsed) => parsed.ruleSet.key));
    const references = processes.flatMap((resource) =>
      resource.processes.flatMap((graph) =>
        [...ruleSetReferences(graph), ...exitCriteriaReferences(graph)].map((reference) => ({ resource: resource.resource, ...reference })),
      ),
    );
    const elsewhere = [...new Set(references.map((reference) => reference.ruleSetKey).filter((key) => !inDeployment.has(key)))];
    // The kind a key will have when the process runs: this deployment's version, else the latest deployed.
    const kinds = new Map<string, string>(elsewhere.length === 0 ? [] : await this.ruleSets.latestKinds(elsewhere));
    for (const parsed of ruleSets) kinds.set(parsed.ruleSet.key, parsed.ruleSet.kind);
    return references.flatMap((reference) => {
      const kind = kinds.get(reference.ruleSetKey);
      const where = { resource: reference.resource, elementId: reference.elementId };
      if (kind === undefined)
        return [{ ...where, message: `stageflow:${reference.attribute} "${reference.ruleSetKey}" is neither a rule set of this deployment nor deployed` }];
      if (reference.attribute === 'assignment' && kind !== 'assignment') {
        return [{ ...where, message: `stageflow:assignment "${reference.ruleSetKey}" is a ${kind} rule set, not an assignment rule set` }];
      }
      if (reference.attribute === 'exitCriteria' && kind !== 'exitCriteria') {
        return [{ ...where, message: `stageflow:exitCriteria "${reference.ruleSetKey}" is a ${kind} rule set, not an exitCriteria rule set` }];
      }
      return [];
    });
  }

  /**
   * The `.rule-set.json` resources, validated as at run time they are trusted: the format
   * (parseRuleSet: schema, facts, operators, values) and the action templates. Problems are
   * added to `problems` with the rule id (as elementId) and the JSON path.
   */
  private parseRuleSets(request: DeploymentRequest, templates: DeployedTemplates, problems: DeploymentProblem[]): ParsedRuleSet[] {
    const parsed: ParsedRuleSet[] = [];
    const resourceByKey = new Map<string, string>();
    for (const resource of request.resources) {
      if (resourceKind(resource.name) !== 'rule-set') continue;
      const result = parseRuleSet(resource.content);
      if (!result.ok) {
        problems.push(...ruleSetDeploymentProblems(resource.name, result.problems));
        continue;
      }
      const templateProblems = checkActionTemplates(result.ruleSet, templates);
      if (templateProblems.length > 0) {
        problems.push(...ruleSetDeploymentProblems(resource.name, templateProblems));
        continue;
      }
      const key = result.ruleSet.key;
      const other = resourceByKey.get(key);
      if (other !== undefined) {
        problems.push({ resource: resource.name, path: 'key', message: `rule set key "${key}" is also defined in ${other}` });
        continue;
      }
      resourceByKey.set(key, resource.name);
      parsed.push({ resource: resource.name, contentHash: contentHash(resource.content), ruleSet: result.ruleSet });
    }
    return parsed;
  }

  private async store(
    name: string,
    { processes: resources, ruleSets, actionTemplates, contactPlans, templates, customFields, forms, warnings }: CompiledDeployment,
    deployedBy: string | null,
    within?: DeploymentWithin,
  ): Promise<DeploymentResult> {
    return this.transactions.run(async (manager) => {
      // Deployments are rare: one at a time keeps version numbers gap-free across nodes.
      await this.deployments.lock(manager);
      // Under the lock: a concurrent deployment of another key with the same message start is seen.
      await this.refuseDeployedMessageStartConflicts(manager, resources);
      const deploymentId = randomUUID();
      const definitions: DeployedDefinition[] = [];
      const existingDeploymentIds: string[] = [];
      const inserts: { id: string; key: string; version: number; name: string | null; resource: CompiledResource; graph: ProcessGraph; previousId?: string }[] =
        [];
      for (const resource of resources) {
        for (const graph of resource.processes) {
          const latest = await this.definitions.latestVersion(graph.id, manager);
          if (latest && latest.content_hash === resource.contentHash) {
            definitions.push({ id: latest.id, key: graph.id, version: latest.version, name: latest.name });
            existingDeploymentIds.push(latest.deployment_id);
            continue;
          }
          const definition = { id: randomUUID(), key: graph.id, version: (latest?.version ?? 0) + 1, name: graph.name ?? null };
          definitions.push(definition);
          inserts.push({ ...definition, resource, graph, previousId: latest?.id });
        }
      }
      const deployedRuleSets: DeployedRuleSet[] = [];
      const ruleSetInserts: { id: string; key: string; version: number; name: string | null; parsed: ParsedRuleSet }[] = [];
      for (const parsed of ruleSets) {
        const latest = await this.ruleSets.latestVersion(parsed.ruleSet.key, manager);
        if (latest && latest.content_hash === parsed.contentHash) {
          deployedRuleSets.push({ id: latest.id, key: parsed.ruleSet.key, version: latest.version, name: latest.name });
          existingDeploymentIds.push(latest.deployment_id);
          continue;
        }
        const ruleSet = { id: randomUUID(), key: parsed.ruleSet.key, version: (latest?.version ?? 0) + 1, name: parsed.ruleSet.name };
        deployedRuleSets.push(ruleSet);
        ruleSetInserts.push({ ...ruleSet, parsed });
      }
      const templateVersions = await planVersions(this.liquidTemplateVersions, manager, templates);
      const actionTemplateVersions = await planVersions(this.actionTemplates, manager, actionTemplates);
      const contactPlanVersions = await planVersions(this.contactPlans, manager, contactPlans);
      const customFieldStore = this.customFieldStores.registered();
      const customFieldVersions = customFieldStore ? await planVersions(customFieldStore, manager, customFields) : undefined;
      const formVersions = await planVersions(this.forms, manager, forms);
      existingDeploymentIds.push(
        ...formVersions.existingDeploymentIds,
        ...templateVersions.existingDeploymentIds,
        ...actionTemplateVersions.existingDeploymentIds,
        ...contactPlanVersions.existingDeploymentIds,
        ...(customFieldVersions?.existingDeploymentIds ?? []),
      );
      const versioned = {
        actionTemplates: actionTemplateVersions.deployed,
        contactPlans: contactPlanVersions.deployed,
        templates: templateVersions.deployed,
        customFields: customFieldVersions?.deployed ?? [],
        forms: formVersions.deployed,
      };
      const versionInserts =
        templateVersions.inserts.length +
        actionTemplateVersions.inserts.length +
        contactPlanVersions.inserts.length +
        formVersions.inserts.length +
        (customFieldVersions?.inserts.length ?? 0);
      if (inserts.length === 0 && ruleSetInserts.length === 0 && versionInserts === 0) {
        const existingId = existingDeploymentIds[0] ?? deploymentId;
        const existing = await this.deployments.byId(existingId, manager);
        return this.finished(within, manager, {
          id: existingId,
          name: existing?.name ?? name,
          createdAt: (existing?.created_at ?? new Date()).toISOString(),
          processDefinitions: definitions,
          ruleSets: deployedRuleSets,
          ...versioned,
          created: false,
          warnings,
        });
      }
      const createdAt = (await this.deployments.insert({ id: deploymentId, name, deployed_by: deployedBy }, manager)) ?? new Date();
      for (const insert of inserts) {
        await this.definitions.insert(
          {
            id: insert.id,
            key: insert.key,
            version: insert.version,
            name: insert.name,
            resource_name: insert.resource.resource,
            xml: insert.resource.content,
            graph: insert.graph,
            content_hash: insert.resource.contentHash,
            deployment_id: deploymentId,
          },
          manager,
        );
        // Message and signal start events of this version, found by name by POST /messages and signal broadcasts.
        await this.definitions.insertStartEvents(insert, eventStartEvents(startTriggers(insert.graph)), manager);
      }
      for (const insert of ruleSetInserts) {
        await this.ruleSets.insert(
          {
            id: insert.id,
            key: insert.key,
            version: insert.version,
            name: insert.name,
            kind: insert.parsed.ruleSet.kind,
            resource_name: insert.parsed.resource,
            content: insert.parsed.ruleSet,
            content_hash: insert.parsed.contentHash,
            deployment_id: deploymentId,
          },
          manager,
        );
      }
      await insertVersions(manager, templateVersions, deploymentId);
      await insertVersions(manager, actionTemplateVersions, deploymentId);
      await insertVersions(manager, contactPlanVersions, deploymentId);
      if (customFieldVersions) await insertVersions(manager, customFieldVersions, deploymentId);
      await insertVersions(manager, formVersions, deploymentId);
      await this.rescheduleTimerStarts(manager, inserts, createdAt);
      await this.ruleSetListeners.deployed(
        ruleSetInserts.map((insert) => ({ id: insert.id, key: insert.key, version: insert.version, kind: insert.parsed.ruleSet.kind })),
        manager,
      );
      return this.finished(within, manager, {
        id: deploymentId,
        name,
        createdAt: createdAt.toISOString(),
        processDefinitions: definitions,
        ruleSets: deployedRuleSets,
        ...versioned,
        created: true,
        warnings,
      });
    });
  }

  /** The deployment's result, once the caller's `within` wrote on its transaction. */
  private async finished(within: DeploymentWithin | undefined, tx: Queryable, result: DeploymentResult): Promise<DeploymentResult> {
    if (within) await within(result, tx);
    return result;
  }

  /** 422 when a message start event's name already starts the latest version of another key (see @stageflow/process-package, deployment/message-start-conflicts.ts). */
  private async refuseDeployedMessageStartConflicts(manager: Queryable, resources: CompiledResource[]): Promise<void> {
    const starts = messageStarts(resources);
    if (starts.length === 0) return;
    const names = [...new Set(starts.map((start) => start.messageName))];
    const keys = [...new Set(resources.flatMap((resource) => resource.processes.map((graph) => graph.id)))];
    const deployed = await this.definitions.deployedMessageStarts(names, keys, manager);
    const problems = conflictsWithDeployed(starts, deployed);
    if (problems.length > 0) throw invalidDeployment(problems);
  }

  /**
   * Timer start events follow the latest version: the new version's first firings are
   * scheduled and the previous version's pending firings removed, in the deployment's
   * transaction. `now` is the database clock (the transaction's start).
   */
  private async rescheduleTimerStarts(
    manager: Queryable,
    inserts: { id: string; graph: ProcessGraph; resource: CompiledResource; previousId?: string }[],
    now: Date,
  ): Promise<void> {
    const jobs: JobRequest[] = [];
    const problems: DeploymentProblem[] = [];
    for (const insert of inserts) {
      try {
        jobs.push(...firstStartTimerJobs(insert.id, insert.graph, now.toISOString()));
      } catch (error) {
        if (!(error instanceof TimerEvaluationError)) throw error;
        problems.push({ resource: insert.resource.resource, elementId: insert.graph.id, message: `a timer start event cannot be evaluated: ${error.message}` });
      }
    }
    if (problems.length > 0) throw invalidDeployment(problems);
    const previous = inserts.flatMap((insert) => (insert.previousId ? [startTimerKeyPrefix(insert.previousId)] : []));
    if (previous.length > 0) await this.deployments.removeJobsWithKeyPrefixes(previous, manager);
    await this.jobs.add(jobs, manager);
  }
}
