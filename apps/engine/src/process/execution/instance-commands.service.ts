// The use cases that move an instance: start, complete a task, cancel, and `run` for any other
// command of the interpreter contract (fire a timer, correlate a message, ...). Each is one
// transaction: read the instance, run the interpreter (in a worker), then write state + effects
// as one statement that succeeds only if the instance is still at the version read (optimistic
// lock). A command that loses that race writes nothing; it is re-read and re-run, so commands
// on one instance serialise, and of two completes of the same task the second sees it
// completed and gets 409.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Command, Effect, InstanceState, InterpretResult, Variables } from '@stageflow/bpmn-runtime';
import { Invalid, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { InstanceStatusValue } from '../process-instances/process-instance.row.js';
import { ProcessDefinitionsService, type DefinitionRef } from '../process-definitions/process-definitions.service.js';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import type { IncidentKind } from '../incidents/incident.row.js';
import { emptyPlan, planEffects, type EffectsPlan } from './effects-plan.js';
import { InstanceStoreRepository, type CommandWrite, type LoadedInstance, type NewInstance, type TaskRow } from './instance-store.repository.js';
import { InterpreterAbortedError, InterpreterRejectedError, type AbortReason } from './interpreter-pool.js';
import { InterpreterPoolService } from './interpreter-pool.service.js';
import type { LatestRuleSets } from '../rule-sets/rule-set-versions.js';
import { CommandStats } from './command-stats.js';
import { AssignmentService } from '../assignment/assignment.service.js';
import { assignNewTasks, needsAssignment } from '../assignment/assign-new-tasks.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { DatabaseClock } from '../../platform/database/database-clock.js';
import { ProcessEventSubscribers, type StageMoveNotice } from './process-event-subscribers.js';
import { RecordFacts } from './record-facts.js';
import { InstanceBusinessKeys } from './instance-business-keys.js';
import { RecentInstances } from './recent-instances.js';
import { commandElement, isUnstorableWriteError, storagePlan, unstorableReason } from './unstorable-result.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { loggableError } from '../../platform/errors/loggable-error.js';
import { rememberedTaskRows } from './remembered-task-rows.js';
import { InstanceParameters } from '../packages/instance-parameters.js';
import { recordVariableEdit, refusedEdit } from './variable-edit.js';

export interface StartInput {
  businessKey?: string;
  variables?: Variables;
  /** A timer, message or signal start event; the none start event when absent. */
  startEventId?: string;
  /** The new instance's id, when the caller derives it (a start that must not happen twice). */
  instanceId?: string;
  /** The call activity starting this instance as its child. */
  parent?: { instanceId: string; callId: string };
}

export interface InstanceSnapshot {
  id: string;
  definitionId: string;
  definitionKey: string;
  version: number;
  businessKey: string | null;
  state: InstanceStatusValue;
  variables: Variables;
  activeElementIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Actor {
  /** The user's id; null for the engine itself (a job, a timer start). */
  userId: string | null;
  username: string;
}

/** The engine acting on its own (jobs, timers): recorded as `engine` where a user would be. */
export const ENGINE_ACTOR: Actor = { userId: null, username: 'engine' };

/** A command the interpreter refused because it does not fit the state (a timer no longer waiting). */
export interface RejectedCommand {
  kind: 'rejected';
  code: InterpreterRejectedError['code'] | 'INSTANCE_ENDED';
  message: string;
}

export interface RunOptions {
  /**
   * `throw` (default): a refused command is an API error (409; 400 for an invalid command).
   * `ignore`: it is answered as a RejectedCommand and changes nothing — what a job wants, as a
   * retried or late job finds its cause gone.
   */
  rejected?: 'throw' | 'ignore';
  /**
   * `incident` (default): a command the interpreter could not finish (time or memory limit)
   * marks the instance as an incident. `throw`: the InterpreterAbortedError is thrown and
   * nothing is written, so a job retries it with back-off (and raises an incident when it
   * runs out of attempts).
   */
  aborted?: 'incident' | 'throw';
  /**
   * The buffered message a correlateMessage delivers: deleted in the command's own statement
   * (never released back to the buffer), so it is delivered at most once.
   */
  deliveredMessageId?: string;
  /**
   * The child's escalation an escalateCalledProcess delivers: its delivery row is written in the
   * command's own statement, and a second delivery of it fails that statement (unique
   * violation on called_process_escalation_deliveries_pkey) and writes nothing.
   */
  deliveredEscalationId?: string;
  /**
   * The broadcast a deliverSignal delivers: its (broadcast, instance) delivery row is written in
   * the command's own statement, and a second delivery of it fails that statement (unique
   * violation on signal_deliveries_pkey) and writes nothing.
   */
  deliveredSignalBroadcastId?: string;
  /**
   * A setVariables that is a user's edit (editVariables): its history event names who and each
   * variable's old and new value, and a result that cannot be stored is refused as bad input (400)
   * instead of becoming a `storage` incident.
   */
  edit?: boolean;
}

/** What a completion may add (a stage move: process/stage-moves): all of it runs in the command's attempt. */
export interface CompletionOptions {
  /** After `authorize`, on the task and instance as read (or remembered); throws to refuse, nothing written. Re-run on a retried attempt. */
  guard?: (task: TaskRow, instance: LoadedInstance) => Promise<void>;
  /** On the interpreter's effects before the write; throws to refuse, nothing written. */
  checkEffects?: (effects: readonly Effect[]) => void;
  /** The completion is this stage move: subscribers are told (ProcessEventNotice.stageMove). */
  stageMove?: StageMoveNotice;
}

export interface RunResult {
  kind: 'done';
  snapshot: InstanceSnapshot;
  plan: EffectsPlan;
}

type Outcome =
  { kind: 'ok'; result: InterpretResult } | { kind: 'aborted'; error: InterpreterAbortedError } | { kind: 'rejected'; error: InterpreterRejectedError };

const STATUSES: readonly InstanceStatusValue[] = ['active', 'completed', 'terminated', 'incident'];

function statusOf(state: InstanceState): InstanceStatusValue {
  return STATUSES.includes(state.status) ? state.status : 'active';
}

const ABORT_KINDS: Record<AbortReason, IncidentKind> = {
  timeout: 'timeout',
  'resource-limit': 'resource-limit',
  'worker-crash': 'worker-crash',
  interpreter: 'interpreter',
};

/** The rows of a command the interpreter could not finish: one incident and its history row. */
function abortPlan(error: InterpreterAbortedError, active: readonly string[]): EffectsPlan {
  const kind = ABORT_KINDS[error.reason];
  const plan = emptyPlan(active);
  plan.incidents.push({ elementId: null, kind, message: error.message });
  plan.history.push({ elementId: null, elementType: null, event: 'incident', payload: { kind, message: error.message } });
  return plan;
}

/** The rule-set versions a command's interpreter gets; none shipped for a process without business-rule tasks. */
function shippedVersions(ruleSets: LatestRuleSets): LatestRuleSets['versions'] | undefined {
  return ruleSets.versions.length > 0 ? ruleSets.versions : undefined;
}

/**
 * Process events are read only by `actions` rule sets: while none is deployed (as of the rule-set
 * generation the command decided at), its statement carries no event jobs at all — cheaper for
 * PostgreSQL than a job CTE that finds no reader on every command.
 */
function dropUnreadEvents(plan: EffectsPlan, ruleSets: LatestRuleSets): void {
  if (!ruleSets.actionsDeployed) plan.processEventJobs = [];
}

/** Attempts of a command whose instance another command changed between its read and its write. */
const MAX_ATTEMPTS = 8;

/** Another command changed the instance between this command's read and its write. */
export class ConcurrentModificationError extends Error {
  constructor(readonly instanceId: string) {
    super(`process instance ${instanceId} was changed concurrently; retry`);
    this.name = 'ConcurrentModificationError';
  }
}

export function uniqueElements(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

@Injectable()
export class InstanceCommandsService {
  constructor(
    private readonly definitions: ProcessDefinitionsService,
    private readonly store: InstanceStoreRepository,
    private readonly pool: InterpreterPoolService,
    private readonly clock: DatabaseClock,
    private readonly stats: CommandStats,
    private readonly assignments: AssignmentService,
    private readonly recent: RecentInstances,
    private readonly subscribers: ProcessEventSubscribers,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly recordFacts: RecordFacts,
    private readonly businessKeys: InstanceBusinessKeys,
    private readonly parameters: InstanceParameters,
  ) {}

  /** User tasks assigned by strategy get their users inside the write's transaction (see InstanceStoreRepository.write). */
  private prepareFor(plan: EffectsPlan): ((tx: Queryable) => Promise<void>) | undefined {
    return needsAssignment(plan) ? (tx) => assignNewTasks(plan, tx, this.assignments) : undefined;
  }

  async start(key: string, input: StartInput, actor: Actor): Promise<InstanceSnapshot> {
    // The latest version comes from a cache; the INSERT itself checks that no newer version
    // exists, and when one does (deployed meanwhile, maybe by another node), it writes nothing
    // and the start is run again on the fresh latest version.
    // Likewise the rule sets of its business-rule tasks (see startOn).
    for (let attempt = 1; ; attempt++) {
      const definition = await this.definitions.latestByKey(key, attempt === 1);
      const started = await this.startOn(definition, input, actor, { instanceId: input.instanceId ?? randomUUID(), jobs: [] });
      if (typeof started === 'object') return started;
      if (attempt >= MAX_ATTEMPTS) throw new Conflict(`process definition "${key}" keeps changing; retry`);
    }
  }

  /**
   * Starts an instance of exactly this version, with a given instance id, adding `jobs` in the
   * same statement — for starts the engine makes itself (a timer start event): 'superseded'
   * when a newer version exists (nothing written), 'duplicate' when an instance with this id
   * exists already (a job delivered twice starts one instance).
   */
  async startPinned(
    definition: DefinitionRef,
    input: StartInput,
    options: { instanceId: string; jobs: JobRequest[] },
  ): Promise<{ kind: 'started'; instance: InstanceSnapshot } | { kind: 'superseded' } | { kind: 'duplicate' }> {
    try {
      for (let attempt = 1; ; attempt++) {
        const started = await this.startOn(definition, input, ENGINE_ACTOR, options);
        if (typeof started === 'object') return { kind: 'started', instance: started };
        if (started === 'superseded') return { kind: 'superseded' };
        if (attempt >= MAX_ATTEMPTS) throw new Error(`the rule sets or parameters of process definition "${definition.key}" keep changing`);
      }
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505' && (error as { constraint?: unknown }).constraint === 'process_instances_pkey')
        return { kind: 'duplicate' };
      throw error;
    }
  }

  /**
   * One start on `definition`: 'superseded' when a newer version of it exists, 'rule-sets-changed'
   * when a rule set was deployed meanwhile (nothing written in either case). No read precedes a
   * start, so it decides with what this node knows of the rule sets (the latest versions its
   * business-rule tasks use, whether its events have an actions rule set to read them) and its
   * write checks that the rule-set generation did not move (a deploy on another node); when it
   * did, the start runs again with what is deployed now.
   */
  private async startOn(
    definition: DefinitionRef,
    input: StartInput,
    actor: Actor,
    options: { instanceId: string; jobs: JobRequest[] },
  ): Promise<InstanceSnapshot | 'superseded' | 'rule-sets-changed' | 'parameters-changed'> {
    const graph = await this.definitions.graph(definition.id);
    const ruleSets = await this.pool.ruleSetsFor(definition.id, graph);
    // The package's current parameters as this node knows them; the write checks they still are.
    const parameters = await this.parameters.forStart(definition.id);
    // No read precedes a start: the node's clock corrected to the database clock.
    const now = this.clock.now();
    const command: Command = { type: 'start', variables: input.variables ?? {}, businessKey: input.businessKey, startEventId: input.startEventId };
    const record = this.recordFacts.wanted(input.businessKey) ? await this.recordFacts.of(input.businessKey) : undefined;
    const outcome = this.refusedAsDomainError(
      await this.interpret({
        definitionId: definition.id,
        graph,
        command,
        now,
        params: parameters.params,
        ruleSets: shippedVersions(ruleSets),
        ...(record ? { record } : {}),
      }),
    );
    const instance: NewInstance = {
      id: options.instanceId,
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      businessKey: input.businessKey ?? null,
      startedBy: actor.userId,
      parent: input.parent ?? null,
      ...(parameters.stamp ? { parameters: parameters.stamp } : {}),
    };
    // A result the database cannot store (checked here, or refused by the write) starts the
    // instance as a `storage` incident instead, and the caller learns which.
    let storage: { incidentId: string; message: string } | undefined;
    const unstorable = outcome.kind === 'ok' ? unstorableReason(outcome.result.state, this.config.maxVariablesBytes) : undefined;
    if (unstorable !== undefined) storage = { incidentId: randomUUID(), message: `the command's result cannot be stored: ${unstorable}` };
    for (;;) {
      const ok = outcome.kind === 'ok' && storage === undefined ? outcome.result : undefined;
      const state: InstanceState = ok ? ok.state : { status: 'incident', variables: input.variables ?? {} };
      const plan = ok
        ? planEffects(ok.effects, [], { instanceId: instance.id, parent: input.parent ?? null, command })
        : storage
          ? storagePlan(storage.incidentId, null, storage.message, [])
          : abortPlan((outcome as { error: InterpreterAbortedError }).error, []);
      plan.jobs.push(...options.jobs);
      dropUnreadEvents(plan, ruleSets);
      const status = ok ? statusOf(state) : 'incident';
      let written: boolean;
      try {
        // A new instance is one INSERT statement (with its tasks, history and jobs): no explicit transaction.
        written = await this.store.write(
          {
            instance: { kind: 'insert', row: instance },
            state,
            status,
            activeElementIds: plan.activeElementIds,
            plan,
            cancelOpenTasks: false,
            now,
            actor: actor.username,
            // What the start decided with — its rule sets, and whether events have a reader — must still hold when it writes.
            ruleSetGeneration: ruleSets.generation,
            ...(parameters.stamp ? { parameterVersion: parameters.stamp } : {}),
          },
          { key: definition.key, version: definition.version },
          this.prepareFor(plan),
          ok ? this.subscribers.deliveryFor(instance, ok.effects, command, actor) : undefined,
        );
      } catch (error) {
        if (!ok || !isUnstorableWriteError(error)) throw error;
        storage = { incidentId: randomUUID(), message: `the command's result cannot be stored: the database refused the result: ${loggableError(error)}` };
        continue;
      }
      if (!written) break;
      if (storage) throw new Conflict(storage.message, [{ incidentId: storage.incidentId, processInstanceId: instance.id, elementId: null }]);
      this.businessKeys.remember(instance.id, instance.businessKey);
      this.recent.remember(
        {
          ...instance,
          status,
          state,
          activeElementIds: plan.activeElementIds,
          version: 1,
          createdAt: new Date(now),
          dbNow: now,
          parent: instance.parent ?? null,
          ruleSetGeneration: ruleSets.generation,
          parameters: parameters.stamp ? { packageName: parameters.stamp.packageName, startVersion: parameters.stamp.version } : null,
          fromMemory: true,
        },
        rememberedTaskRows(instance.id, plan, now),
        [],
      );
      return this.snapshot(instance, state, status, plan.activeElementIds, now, now);
    }
    if ((await this.pool.currentRuleSetGeneration()) !== ruleSets.generation) return 'rule-sets-changed';
    if (parameters.stamp && (await this.parameters.movedPast(parameters.stamp))) return 'parameters-changed';
    return 'superseded';
  }

  /**
   * Completes a task. `authorize` sees the task first and throws when the caller may not
   * complete it. Of two clients completing the same task, the second sees it completed: 409.
   */
  async completeTask(
    taskId: string,
    variables: Variables | undefined,
    actor: Actor,
    authorize: (task: TaskRow) => void,
    completion: CompletionOptions = {},
  ): Promise<{ task: TaskRow; instance: InstanceSnapshot; completed: boolean }> {
    return this.retrying(async (attempt) => {
      // The first attempt may take the task and its instance from this node's memory of its last
      // write; a re-run (that memory was stale) reads them.
      const remembered = attempt === 1 ? this.remembered(taskId) : undefined;
      const loaded = remembered ?? (await this.store.loadTask(taskId));
      if (!loaded) throw new NotFound(`task ${taskId} not found`);
      const { task, instance } = loaded;
      try {
        authorize(task);
      } catch (refusal) {
        // A memory that refuses may be stale (claimed or unclaimed since): only the task as read decides.
        if (!remembered) throw refusal;
        this.recent.forget(instance.id);
        throw new ConcurrentModificationError(instance.id);
      }
      if (task.state !== 'created') throw new Conflict(`task ${taskId} is already ${task.state}`, [{ taskId, state: task.state }]);
      if (instance.status !== 'active')
        throw new Conflict(`process instance ${instance.id} is ${instance.status}; its tasks cannot be completed`, [
          { processInstanceId: instance.id, state: instance.status },
        ]);
      if (completion.guard) {
        try {
          await completion.guard(task, instance);
        } catch (refusal) {
          if (!remembered) throw refusal;
          this.recent.forget(instance.id);
          throw new ConcurrentModificationError(instance.id);
        }
      }
      // A user's completion names them (a task's stageflow:completedByVariable keeps it); the engine's names nobody.
      const command: Command = { type: 'completeTask', taskId, variables: variables ?? {}, ...(actor.userId === null ? {} : { completedBy: actor.username }) };
      const { snapshot, plan } = await this.execute(instance, command, actor, {
        unchangedTask: instance.fromMemory ? task : undefined,
        checkEffects: completion.checkEffects,
        stageMove: completion.stageMove,
      });
      return { task, instance: snapshot, completed: plan.completedTaskIds.includes(taskId) };
    });
  }

  async cancel(instanceId: string, actor: Actor): Promise<InstanceSnapshot> {
    return this.retrying(async () => {
      const instance = await this.store.loadInstance(instanceId);
      if (!instance) throw new NotFound(`process instance ${instanceId} not found`);
      if (instance.status === 'completed' || instance.status === 'terminated') {
        throw new Conflict(`process instance ${instance.id} has already ended (${instance.status})`, [
          { processInstanceId: instance.id, state: instance.status },
        ]);
      }
      if (instance.status === 'incident') {
        // The interpreter may refuse to touch a state it stopped in: end it here.
        const now = instance.dbNow;
        const state: InstanceState = { ...instance.state, status: 'terminated' };
        const plan = emptyPlan([]);
        plan.history.push({ elementId: null, elementType: null, event: 'instance-cancelled', payload: { by: actor.username } });
        await this.update(instance, { state, status: 'terminated', activeElementIds: [], plan, cancelOpenTasks: true, now, actor: actor.username });
        return this.snapshotOf(instance, state, 'terminated', [], now);
      }
      return (await this.execute(instance, { type: 'cancel' }, actor)).snapshot;
    });
  }

  /**
   * Runs any command of the interpreter contract on an existing instance: one read, the
   * interpreter, one write with the version check, re-run on a lost race. Unknown instance:
   * 404. An instance that has ended, or a command that no longer fits its state, is refused
   * (see RunOptions.rejected).
   */
  async run(instanceId: string, command: Command, actor: Actor, options: RunOptions = {}): Promise<RunResult | RejectedCommand> {
    return this.retrying(async () => {
      const instance = await this.store.loadInstance(instanceId);
      if (!instance) throw new NotFound(`process instance ${instanceId} not found`);
      if (instance.status === 'completed' || instance.status === 'terminated') {
        const message = `process instance ${instanceId} has already ended (${instance.status})`;
        if (options.rejected === 'ignore') return { kind: 'rejected', code: 'INSTANCE_ENDED', message };
        throw new Conflict(message, [{ processInstanceId: instanceId, state: instance.status }]);
      }
      const outcome = await this.execute(instance, command, actor, options);
      return 'kind' in outcome ? outcome : { kind: 'done', ...outcome };
    });
  }

  /**
   * A user's edit of instance-scope variables: one setVariables command (no token moves), with its
   * history event naming who and each variable's old and new value (variable-edit.ts). An ended
   * instance: 409; a result the database cannot store: 400 naming a variable, nothing written.
   */
  async editVariables(instanceId: string, variables: Variables, actor: Actor): Promise<InstanceSnapshot> {
    const result = await this.run(instanceId, { type: 'setVariables', variables }, actor, { edit: true });
    if (result.kind === 'rejected') throw new Conflict(result.message, [{ processInstanceId: instanceId }]);
    return result.snapshot;
  }

  /**
   * Runs a command on an existing instance (read, interpret, write) until its write finds the
   * instance at the version it read; after MAX_ATTEMPTS lost races, 409.
   */
  private async retrying<T>(attempt: (n: number) => Promise<T>): Promise<T> {
    this.stats.command();
    for (let n = 1; ; n++) {
      try {
        return await attempt(n);
      } catch (error) {
        // A deadlock or serialization failure rolled the statement back entirely: as safe to re-run.
        const code = (error as { code?: unknown }).code;
        const lostRace = error instanceof ConcurrentModificationError || code === '40001' || code === '40P01';
        if (!lostRace) throw error;
        this.stats.lostRace();
        if (n >= MAX_ATTEMPTS) {
          this.stats.gaveUp();
          if (error instanceof ConcurrentModificationError) throw new Conflict(error.message, [{ processInstanceId: error.instanceId }]);
          throw new Conflict('the process instance was changed concurrently; retry');
        }
      }
    }
  }

  /**
   * Writes a command's result on an existing instance, or throws when another command got there
   * first (or the memory the command ran on was stale: it is forgotten). What was written is
   * remembered for the instance's next command on this node.
   */
  private async update(instance: LoadedInstance, write: Omit<CommandWrite, 'instance'>, afterWrite?: (tx: Queryable) => Promise<void>): Promise<void> {
    const written = await this.store.write(
      { instance: { kind: 'update', id: instance.id, expectedVersion: instance.version }, ...write },
      undefined,
      this.prepareFor(write.plan),
      afterWrite,
    );
    if (!written) {
      this.recent.forget(instance.id);
      throw new ConcurrentModificationError(instance.id);
    }
    this.recent.remember(
      {
        ...instance,
        state: write.state,
        status: write.status,
        activeElementIds: write.activeElementIds,
        version: instance.version + 1,
        dbNow: write.now,
        // The package's current parameter version is known only to a read: the next command relies on this node's and checks it.
        parameters: instance.parameters && { packageName: instance.parameters.packageName, startVersion: instance.parameters.startVersion },
        fromMemory: true,
      },
      rememberedTaskRows(instance.id, write.plan, write.now),
      [...write.plan.completedTaskIds, ...write.plan.cancelledTaskIds],
    );
  }

  /**
   * A task and its instance as this node wrote them last, when it remembers them. Its `now` is
   * the node's estimate of the database clock, never before the instance's last command.
   */
  private remembered(taskId: string): { task: TaskRow; instance: LoadedInstance } | undefined {
    const memory = this.recent.task(taskId);
    if (!memory) return undefined;
    this.stats.readSkipped();
    const now = this.clock.now();
    return { task: memory.task, instance: { ...memory.instance, dbNow: now > memory.instance.dbNow ? now : memory.instance.dbNow } };
  }

  /** `unchangedTask`: a remembered instance's task the command relies on; its write checks the task is unchanged. */
  private async execute(
    instance: LoadedInstance,
    command: Command,
    actor: Actor,
    options?: { unchangedTask?: TaskRow } & Omit<CompletionOptions, 'guard'>,
  ): Promise<{ snapshot: InstanceSnapshot; plan: EffectsPlan }>;
  private async execute(
    instance: LoadedInstance,
    command: Command,
    actor: Actor,
    options: RunOptions,
  ): Promise<{ snapshot: InstanceSnapshot; plan: EffectsPlan } | RejectedCommand>;
  private async execute(
    instance: LoadedInstance,
    command: Command,
    actor: Actor,
    options?: RunOptions & { unchangedTask?: TaskRow } & Omit<CompletionOptions, 'guard'>,
  ): Promise<{ snapshot: InstanceSnapshot; plan: EffectsPlan } | RejectedCommand> {
    // The database's clock at the read: due times computed from it agree across nodes.
    const now = instance.dbNow;
    const graph = await this.definitions.graph(instance.definitionId);
    // A remembered instance was not read: its rule sets are decided with what this node knows, and its write checks that.
    const ruleSets = await this.pool.ruleSetsFor(instance.definitionId, graph, instance.fromMemory ? undefined : instance.ruleSetGeneration);
    // The instance's parameters: those of its start, live ones current (instance-parameters.ts).
    const parameters = await this.parameters.forInstance(instance.parameters);
    const decidedAt = instance.fromMemory
      ? { ruleSetGeneration: ruleSets.generation, unchangedTask: options?.unchangedTask, ...(parameters.relied ? { parameterVersion: parameters.relied } : {}) }
      : {};
    // The record the instance is about, read fresh for this step (record-facts.ts).
    const record = this.recordFacts.wanted(instance.businessKey) ? await this.recordFacts.of(instance.businessKey) : undefined;
    let outcome = await this.interpret({
      definitionId: instance.definitionId,
      graph,
      state: instance.state,
      command,
      now,
      params: parameters.params,
      ruleSets: shippedVersions(ruleSets),
      ...(record ? { record } : {}),
    });
    if (outcome.kind === 'rejected' && options?.rejected === 'ignore') return { kind: 'rejected', code: outcome.error.code, message: outcome.error.message };
    outcome = this.refusedAsDomainError(outcome);
    if (outcome.kind === 'aborted' && options?.aborted === 'throw') throw outcome.error;
    if (outcome.kind === 'aborted') {
      // The command is dropped: the state stays as it was, the instance is marked as an incident.
      const plan = abortPlan(outcome.error, instance.activeElementIds);
      await this.update(instance, {
        state: instance.state,
        status: 'incident',
        activeElementIds: plan.activeElementIds,
        plan,
        cancelOpenTasks: false,
        now,
        actor: actor.username,
        ...decidedAt,
      });
      return { snapshot: this.snapshotOf(instance, instance.state, 'incident', plan.activeElementIds, now), plan };
    }
    const { result } = outcome;
    options?.checkEffects?.(result.effects);
    const plan = planEffects(result.effects, instance.activeElementIds, { instanceId: instance.id, parent: instance.parent, command });
    dropUnreadEvents(plan, ruleSets);
    const edit = options?.edit === true && command.type === 'setVariables' ? command.variables : undefined;
    if (edit) recordVariableEdit(plan, instance.state.variables ?? {}, edit, actor.username);
    if (command.type === 'correlateMessage') {
      plan.history.unshift({
        elementId: null,
        elementType: null,
        event: 'message-correlated',
        payload: { subscriptionId: command.subscriptionId, bufferedMessageId: options?.deliveredMessageId ?? null },
      });
      if (options?.deliveredMessageId !== undefined) plan.correlation.deliveredMessageId = options.deliveredMessageId;
    }
    if (command.type === 'escalateCalledProcess') {
      plan.history.unshift({
        elementId: null,
        elementType: null,
        event: 'called-process-escalated',
        payload: { callId: command.callId, escalationCode: command.escalationCode },
      });
      if (options?.deliveredEscalationId !== undefined) plan.correlation.deliveredEscalationId = options.deliveredEscalationId;
    }
    if (command.type === 'deliverSignal' && options?.deliveredSignalBroadcastId !== undefined)
      plan.correlation.deliveredSignalBroadcastId = options.deliveredSignalBroadcastId;
    if (command.type === 'fireTimer') {
      // The audit trail shows each firing once: a job that runs twice finds the timer gone and writes nothing.
      plan.history.unshift({ elementId: null, elementType: null, event: 'timer-fired', payload: { timerId: command.timerId } });
    }
    let status = statusOf(result.state);
    if (command.type === 'cancel' && status === 'active') status = 'terminated';
    const ended = status === 'completed' || status === 'terminated';
    const unstorable = unstorableReason(result.state, this.config.maxVariablesBytes);
    if (unstorable !== undefined) {
      if (edit) throw refusedEdit(edit, unstorable);
      return this.dropAsStorageIncident(instance, command, actor, unstorable, options, decidedAt);
    }
    try {
      await this.update(
        instance,
        {
          state: result.state,
          status,
          activeElementIds: plan.activeElementIds,
          plan,
          cancelOpenTasks: ended,
          now,
          actor: actor.username,
          ...decidedAt,
        },
        this.subscribers.deliveryFor(instance, result.effects, command, actor, options?.stageMove),
      );
    } catch (error) {
      if (!isUnstorableWriteError(error)) throw error;
      if (edit) throw refusedEdit(edit, `the database refused it: ${loggableError(error)}`);
      return this.dropAsStorageIncident(instance, command, actor, `the database refused the result: ${loggableError(error)}`, options, decidedAt);
    }
    return { snapshot: this.snapshotOf(instance, result.state, status, plan.activeElementIds, now), plan };
  }

  /**
   * A command whose result cannot be stored is dropped: the state stays as it was, the instance
   * gets a `storage` incident at the command's element, and the caller a 409 naming the incident.
   * Engine commands (jobs, with `aborted: 'throw'`) get the abort instead, as for an interpreter
   * that could not finish, and write nothing.
   */
  private async dropAsStorageIncident(
    instance: LoadedInstance,
    command: Command,
    actor: Actor,
    reason: string,
    options: (RunOptions & { unchangedTask?: TaskRow }) | undefined,
    decidedAt: object,
  ): Promise<never> {
    const message = `the command's result cannot be stored: ${reason}`;
    if (options?.aborted === 'throw') throw new InterpreterAbortedError('interpreter', message);
    const incidentId = randomUUID();
    const elementId = commandElement(instance.state, command);
    const plan = storagePlan(incidentId, elementId, message, instance.activeElementIds);
    await this.update(instance, {
      state: instance.state,
      status: 'incident',
      activeElementIds: plan.activeElementIds,
      plan,
      cancelOpenTasks: false,
      now: instance.dbNow,
      actor: actor.username,
      ...decidedAt,
    });
    throw new Conflict(message, [{ incidentId, processInstanceId: instance.id, elementId }]);
  }

  private async interpret(job: Parameters<InterpreterPoolService['run']>[0]): Promise<Outcome> {
    try {
      return { kind: 'ok', result: await this.pool.run(job) };
    } catch (error) {
      if (error instanceof InterpreterAbortedError) return { kind: 'aborted', error };
      if (error instanceof InterpreterRejectedError) return { kind: 'rejected', error };
      throw error;
    }
  }

  /** A command the interpreter refused, as the API answers it: 400 for an invalid command, else 409. */
  private refusedAsDomainError(outcome: Outcome): Exclude<Outcome, { kind: 'rejected' }> {
    if (outcome.kind !== 'rejected') return outcome;
    if (outcome.error.code === 'INVALID_COMMAND') throw new Invalid(outcome.error.message);
    throw new Conflict(outcome.error.message);
  }

  private snapshot(
    instance: NewInstance,
    state: InstanceState,
    status: InstanceStatusValue,
    active: string[],
    createdAt: string,
    updatedAt: string,
  ): InstanceSnapshot {
    return {
      id: instance.id,
      definitionId: instance.definitionId,
      definitionKey: instance.definitionKey,
      version: instance.definitionVersion,
      businessKey: instance.businessKey,
      state: status,
      variables: state.variables ?? {},
      activeElementIds: uniqueElements(active),
      createdAt,
      updatedAt,
    };
  }

  private snapshotOf(instance: LoadedInstance, state: InstanceState, status: InstanceStatusValue, active: string[], now: string): InstanceSnapshot {
    return this.snapshot(
      {
        id: instance.id,
        definitionId: instance.definitionId,
        definitionKey: instance.definitionKey,
        definitionVersion: instance.definitionVersion,
        businessKey: instance.businessKey,
        startedBy: null,
      },
      state,
      status,
      active,
      instance.createdAt.toISOString(),
      now,
    );
  }
}
