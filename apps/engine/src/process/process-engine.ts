// The process engine as code outside process/ sees it (the CRM, reports, start-up): start a process
// for a record, hand it a message, read the instances and tasks of a record, react to its events. Everything else of
// process/ stays behind this class; its types are the services' own views, re-exported by index.ts.
import { Injectable } from '@nestjs/common';
import { elementNames, stageElements, type Variables } from '@stageflow/bpmn-runtime';
import type { Principal } from '../platform/identity/auth/principal.js';
import type { Page } from '../platform/http/input.js';
import { NotFound } from '../platform/errors/domain-errors.js';
import { ActionRunners } from './actions/action-runners.js';
import type { ActionRunner } from './actions/action-runner.js';
import { InstanceCommandsService, type Actor, type InstanceSnapshot } from './execution/instance-commands.service.js';
import { ProcessEventSubscribers, type BusinessKeyFilter, type CommandEventName, type ProcessEventSubscriber } from './execution/process-event-subscribers.js';
import { RecordFacts, type RecordFactsPort } from './execution/record-facts.js';
import { MessagesService, type PublishMessage, type PublishOutcome } from './messages/messages.service.js';
import { ProcessDefinitionsService } from './process-definitions/process-definitions.service.js';
import { ProcessInstancesService, type InstanceView } from './process-instances/process-instances.service.js';
import { TasksService, type TaskView } from './tasks/tasks.service.js';
import { TaskRecords, type TaskRecordsPort } from './tasks/task-records.js';
import { UserTasksRepository } from './tasks/user-tasks.repository.js';
import { StageMovesService, type StageMoveOutcome, type StageMoveRequest } from './stage-moves/stage-moves.service.js';
import { InstanceVisibility, type RecordVisibilityPort } from './visibility/instance-visibility.js';
import { TerritoryPlacements, type TerritoryPlacement } from './territories/territory-placements.js';
import { RuleSetDeploymentListeners, type RuleSetDeploymentListener } from './deployments/rule-set-deployment-listeners.js';
import type { FactRead } from './territories/territory-placement.js';
import type { Queryable } from '../platform/database/queryable.js';
import { RecordTypeProcesses, type RecordTypeProcessesPort } from './packages/record-type-processes.js';
import { PackagesService } from './packages/packages.service.js';
import { InstanceParameters } from './packages/instance-parameters.js';
import type { PackageDeployedView, PackageView } from '@stageflow/api-contract';

/** A process's stages as the latest version of its diagram names them, and its package's parameters now. */
export interface ProcessStages {
  definitionId: string;
  /** Each stage once, in the diagram's order, with the stages its elements accept a move to (`stageflow:moves`). */
  stages: { stage: string; accepts: string[] }[];
  /** The current values of the parameters of the process's package ({} for a process without a package). */
  params: Readonly<Record<string, unknown>>;
}

/** A record's instances and tasks are read a page at a time; a record rarely has more. */
const RECORD_PAGE = { offset: 0, limit: 500 };

/** A task of a record's process created or completed, as its timeline shows it. */
export interface TaskEvent {
  kind: 'task-created' | 'task-completed';
  at: string;
  /** The time to the microsecond (UTC text) and a unique key: the timeline's sort key. */
  sortAt: string;
  sortKey: string;
  taskId: string;
  name: string | null;
  elementId: string;
  processInstanceId: string;
  assignee: string | null;
  completedBy: string | null;
}

@Injectable()
export class ProcessEngine {
  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly messages: MessagesService,
    private readonly instances: ProcessInstancesService,
    private readonly tasks: TasksService,
    private readonly runners: ActionRunners,
    private readonly subscribers: ProcessEventSubscribers,
    private readonly recordFacts: RecordFacts,
    private readonly definitions: ProcessDefinitionsService,
    private readonly stageMoves: StageMovesService,
    private readonly visibility: InstanceVisibility,
    private readonly territoryPlacements: TerritoryPlacements,
    private readonly taskRecords: TaskRecords,
    private readonly taskRows: UserTasksRepository,
    private readonly ruleSetListeners: RuleSetDeploymentListeners,
    private readonly recordTypeProcesses: RecordTypeProcesses,
    private readonly packages: PackagesService,
    private readonly parameters: InstanceParameters,
  ) {}

  /**
   * Starts the latest version of the process `key`; `businessKey` names the record it is about. An
   * `instanceId` the caller derives makes the start happen once however often it is asked (a
   * second start with it fails with PostgreSQL's unique violation on process_instances_pkey).
   */
  start(key: string, input: { businessKey?: string; variables?: Variables; instanceId?: string }, actor: Actor): Promise<InstanceSnapshot> {
    return this.commands.start(key, input, actor);
  }

  /** Whether a process `key` is deployed (some version of it). */
  async isDeployed(key: string): Promise<boolean> {
    try {
      await this.definitions.latestByKey(key, true);
      return true;
    } catch (error) {
      if (error instanceof NotFound) return false;
      throw error;
    }
  }

  /** Correlates a message to the instance waiting for it, starts a process on it, or buffers it. */
  correlateMessage(message: PublishMessage, actor: Actor): Promise<PublishOutcome> {
    return this.messages.publish(message, actor);
  }

  /** The instances started for `businessKey`, newest first. */
  instancesOf(businessKey: string): Promise<Page<InstanceView>> {
    return this.instances.list({ businessKey }, RECORD_PAGE);
  }

  /**
   * The names a deployed version's diagram gives the process and its elements (by element id; unnamed
   * ones left out), read from its compiled graph (cached per version): where a record's process waits,
   * in the diagram's words. undefined for a version that is not deployed.
   */
  async namesOf(definitionId: string): Promise<{ process: string | null; elements: Readonly<Record<string, string>> } | undefined> {
    try {
      const graph = await this.definitions.graph(definitionId);
      return { process: graph.name ?? null, elements: elementNames(graph) };
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  /** The open tasks of every instance of `businessKey` that `principal` may see. */
  async openTasksOf(principal: Principal, businessKey: string): Promise<TaskView[]> {
    const { items } = await this.instancesOf(businessKey);
    const pages = await Promise.all(items.map((instance) => this.tasks.list(principal, { processInstanceId: instance.id, state: 'created' }, RECORD_PAGE)));
    return pages.flatMap((page) => page.items);
  }

  /** What a record action needs of the instance that runs it: the record it is about and its process; undefined when gone. */
  async instanceOf(processInstanceId: string): Promise<Pick<InstanceView, 'id' | 'businessKey' | 'definitionKey' | 'state'> | undefined> {
    try {
      const { id, businessKey, definitionKey, state } = await this.instances.get(processInstanceId);
      return { id, businessKey, definitionKey, state };
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  /** The open tasks assigned to `principal` that have a due date (the seller's agenda), soonest first. */
  async openTasksAssignedTo(principal: Principal): Promise<TaskView[]> {
    const { items } = await this.tasks.list(principal, { assignee: principal.username, state: 'created' }, RECORD_PAGE);
    return items.filter((task) => task.dueAt !== null).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0));
  }

  /**
   * Asks the process of `businessKey` to move the record to `move.stage`, as `actor`: accepted only
   * where the process waits at a stage whose `stageflow:moves` names it and whose exit criteria
   * refuse nothing; then one command completes that stage's task (409 with every reason otherwise,
   * nothing written). See stage-moves/stage-moves.service.ts.
   */
  requestStageMove(businessKey: string, move: StageMoveRequest, actor: Actor): Promise<StageMoveOutcome> {
    return this.stageMoves.request(businessKey, move, actor);
  }

  /**
   * Calls `subscriber` with every event of these names, inside the transaction of the command that
   * caused it (a stage entered moves the record's stage with the step, or neither happens).
   */
  subscribe(names: readonly CommandEventName[], subscriber: ProcessEventSubscriber, about?: BusinessKeyFilter): void {
    this.subscribers.subscribe(names, subscriber, about);
  }

  /** Gives the interpreter the record an instance is about (`record.*`), read before each of its commands. */
  provideRecordFacts(port: RecordFactsPort): void {
    this.recordFacts.provide(port);
  }

  /** Gives process/ "the records this caller sees": an instance about such a record is visible to them (instance-visibility.ts). */
  provideRecordVisibility(port: RecordVisibilityPort): void {
    this.visibility.provide(port);
  }

  /**
   * The territory the latest deployed `territory` rule sets give `facts` (tried by key: the first set
   * whose rule matches, else the first set's fallback), the rule set and rule that decided, and who
   * works it (ownerId, teamId); undefined when no territory rule set is deployed.
   */
  placeInTerritory(facts: Record<string, unknown>, tx?: Queryable): Promise<TerritoryPlacement | undefined> {
    return this.territoryPlacements.place(facts, tx);
  }

  /**
   * Calls `listener` with the rule-set versions each deployment creates, inside the deployment's
   * transaction (the CRM places records again when a territory rule set changes).
   */
  onRuleSetsDeployed(listener: RuleSetDeploymentListener): void {
    this.ruleSetListeners.listen(listener);
  }

  /** The ids of the latest territory rule-set versions, in key order: what placement decides by now. */
  async territoryRuleSetVersions(): Promise<string[]> {
    return this.territoryPlacements.versionIds();
  }

  /** Every fact (with its path) the latest deployed territory rule sets read; empty when none is deployed. */
  territoryFactsRead(): Promise<FactRead[]> {
    return this.territoryPlacements.factsRead();
  }

  /** Gives the task views the record a task is about (`record`: type, id, title), batched per page (tasks/task-records.ts). */
  provideTaskRecords(port: TaskRecordsPort): void {
    this.taskRecords.provide(port);
  }

  /**
   * The tasks of the instances of `businessKey` created and completed (a record's timeline), newest
   * first by `(sortAt, sortKey)` compared byte-wise, only those before `before`; at most `limit`.
   */
  async taskEventsOf(businessKey: string, before: { sortAt: string; sortKey: string } | undefined, limit: number): Promise<TaskEvent[]> {
    const rows = await this.taskRows.eventsOfBusinessKey(businessKey, before, limit);
    return rows.map((row) => ({
      kind: row.kind,
      at: row.at.toISOString(),
      sortAt: row.sort_at,
      sortKey: row.sort_key,
      taskId: row.id,
      name: row.name,
      elementId: row.element_id,
      processInstanceId: row.process_instance_id,
      assignee: row.assignee,
      completedBy: row.completed_by,
    }));
  }

  /**
   * Deploys a package zip as POST /api/v1/packages does (one transaction; the same version with the
   * same content: `created: false`, nothing changes; with other content: Conflict; invalid:
   * InvalidDefinition naming every problem) — for start-up code that ships packages (the standard ones).
   */
  deployPackage(zip: Uint8Array, actor: Actor): Promise<PackageDeployedView> {
    return this.packages.deploy(zip, actor);
  }

  /** A deployed package with its versions and which is active; undefined when none of that name is deployed. */
  async deployedPackage(name: string): Promise<PackageView | undefined> {
    try {
      return await this.packages.get(name);
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  /** Applies a package's `recordTypes` (which process a new record of a type starts) in the package deploy's transaction. */
  provideRecordTypeProcesses(port: RecordTypeProcessesPort): void {
    this.recordTypeProcesses.provide(port);
  }

  /**
   * The stages of the latest version of the process `key` and its package's current parameters (the
   * pipeline board's columns); undefined when no version of `key` is deployed. Reads the latest version
   * and the package's parameter version fresh, so a deploy or a parameter change on another node counts.
   */
  async stagesOf(key: string): Promise<ProcessStages | undefined> {
    let definitionId: string;
    try {
      definitionId = (await this.definitions.latestByKey(key)).id;
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
    const stages = new Map<string, Set<string>>();
    for (const element of Object.values(stageElements(await this.definitions.graph(definitionId)))) {
      const accepts = stages.get(element.stage) ?? new Set<string>();
      for (const move of element.moves) accepts.add(move);
      stages.set(element.stage, accepts);
    }
    let start = await this.parameters.forStart(definitionId);
    if (start.stamp && (await this.parameters.movedPast(start.stamp))) start = await this.parameters.forStart(definitionId);
    return { definitionId, stages: [...stages].map(([stage, accepts]) => ({ stage, accepts: [...accepts] })), params: start.params };
  }

  /** Adds the runner of an action type that templates may name (the CRM's record actions, say). */
  registerActionRunner(runner: ActionRunner): void {
    this.runners.register(runner);
  }
}
