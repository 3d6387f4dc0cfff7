// The use cases that move an instance: start, complete a task, cancel. Each is one
// transaction: lock the instance, run the interpreter (in a worker), write state + effects.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Command, InstanceState, InterpretResult, Variables } from '@stageflow/bpmn-runtime';
import { ApiError } from '../common/api-error.js';
import type { InstanceStatusValue } from '../process-instances/process-instance.entity.js';
import { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';
import type { IncidentKind } from '../process-instances/incident.entity.js';
import { emptyPlan, planEffects, type EffectsPlan } from './effects-plan.js';
import { ConcurrentModificationError, InstanceStoreRepository, type CommandTransaction, type LockedInstance, type NewInstance } from './instance-store.repository.js';
import { InterpreterAbortedError, InterpreterRejectedError, type AbortReason } from './interpreter-pool.js';
import { InterpreterPoolService } from './interpreter-pool.service.js';

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
  userId: string;
  username: string;
}

type Outcome = { kind: 'ok'; result: InterpretResult } | { kind: 'aborted'; error: InterpreterAbortedError };

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

export function uniqueElements(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

@Injectable()
export class InstanceCommandsService {
  constructor(
    private readonly definitions: ProcessDefinitionsService,
    private readonly store: InstanceStoreRepository,
    private readonly pool: InterpreterPoolService,
  ) {}

  async start(key: string, input: { businessKey?: string; variables?: Variables }, actor: Actor): Promise<InstanceSnapshot> {
    const definition = await this.definitions.latestByKey(key);
    const graph = await this.definitions.graph(definition.id);
    const now = new Date().toISOString();
    const command: Command = { type: 'start', variables: input.variables ?? {}, businessKey: input.businessKey };
    const outcome = await this.interpret({ definitionId: definition.id, graph, command, now });
    const instance: NewInstance = {
      id: randomUUID(),
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      businessKey: input.businessKey ?? null,
      startedBy: actor.userId,
    };
    const state: InstanceState = outcome.kind === 'ok' ? outcome.result.state : { status: 'incident', variables: input.variables ?? {} };
    const plan = outcome.kind === 'ok' ? planEffects(outcome.result.effects, []) : abortPlan(outcome.error, []);
    const status = outcome.kind === 'ok' ? statusOf(state) : 'incident';
    // A new instance is one INSERT statement (with its tasks and history): no explicit transaction.
    await this.store.write(undefined, { instance: { kind: 'insert', row: instance }, state, status, activeElementIds: plan.activeElementIds, plan, cancelOpenTasks: false, now, actor: actor.username });
    return this.snapshot(instance, state, status, plan.activeElementIds, now, now);
  }

  /**
   * Completes a task. The row lock on the instance serialises concurrent commands: of two
   * clients completing the same task, the second sees it completed and gets 409.
   */
  async completeTask(taskId: string, instanceId: string, variables: Variables | undefined, actor: Actor): Promise<{ instance: InstanceSnapshot; completed: boolean }> {
    return this.transact(async (tx) => {
      const instance = await this.lockOrFail(tx, instanceId);
      const taskState = await this.store.taskState(tx, taskId);
      if (taskState === undefined) throw ApiError.notFound(`task ${taskId} not found`);
      if (taskState !== 'created') throw ApiError.conflict(`task ${taskId} is already ${taskState}`, [{ taskId, state: taskState }]);
      if (instance.status !== 'active') throw ApiError.conflict(`process instance ${instance.id} is ${instance.status}; its tasks cannot be completed`, [{ processInstanceId: instance.id, state: instance.status }]);
      const { snapshot, plan } = await this.execute(tx, instance, { type: 'completeTask', taskId, variables: variables ?? {} }, actor);
      return { instance: snapshot, completed: plan.completedTaskIds.includes(taskId) };
    });
  }

  async cancel(instanceId: string, actor: Actor): Promise<InstanceSnapshot> {
    return this.transact(async (tx) => {
      const instance = await this.lockOrFail(tx, instanceId);
      if (instance.status === 'completed' || instance.status === 'terminated') {
        throw ApiError.conflict(`process instance ${instance.id} has already ended (${instance.status})`, [{ processInstanceId: instance.id, state: instance.status }]);
      }
      if (instance.status === 'incident') {
        // The interpreter may refuse to touch a state it stopped in: end it here.
        const now = new Date().toISOString();
        const state: InstanceState = { ...instance.state, status: 'terminated' };
        const plan = emptyPlan([]);
        plan.history.push({ elementId: null, elementType: null, event: 'instance-cancelled', payload: { by: actor.username } });
        await this.store.write(tx, { instance: { kind: 'update', id: instance.id, expectedVersion: instance.version }, state, status: 'terminated', activeElementIds: [], plan, cancelOpenTasks: true, now, actor: actor.username });
        return this.snapshotOf(instance, state, 'terminated', [], now);
      }
      return (await this.execute(tx, instance, { type: 'cancel' }, actor)).snapshot;
    });
  }

  /** One command's transaction; a lost race on the instance answers 409, never 500. */
  private async transact<T>(work: (tx: CommandTransaction) => Promise<T>): Promise<T> {
    try {
      return await this.store.run(work);
    } catch (error) {
      if (error instanceof ConcurrentModificationError) throw ApiError.conflict(error.message, [{ processInstanceId: error.instanceId }]);
      const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
      if (code === '40001' || code === '40P01') throw ApiError.conflict('the process instance was changed concurrently; retry');
      throw error;
    }
  }

  private async execute(tx: CommandTransaction, instance: LockedInstance, command: Command, actor: Actor): Promise<{ snapshot: InstanceSnapshot; plan: EffectsPlan }> {
    const now = new Date().toISOString();
    const graph = await this.definitions.graph(instance.definitionId);
    const outcome = await this.interpret({ definitionId: instance.definitionId, graph, state: instance.state, command, now });
    const update = { kind: 'update' as const, id: instance.id, expectedVersion: instance.version };
    if (outcome.kind === 'aborted') {
      // The command is dropped: the state stays as it was, the instance is marked as an incident.
      const plan = abortPlan(outcome.error, instance.activeElementIds);
      await this.store.write(tx, { instance: update, state: instance.state, status: 'incident', activeElementIds: plan.activeElementIds, plan, cancelOpenTasks: false, now, actor: actor.username });
      return { snapshot: this.snapshotOf(instance, instance.state, 'incident', plan.activeElementIds, now), plan };
    }
    const { result } = outcome;
    const plan = planEffects(result.effects, instance.activeElementIds);
    let status = statusOf(result.state);
    if (command.type === 'cancel' && status === 'active') status = 'terminated';
    const ended = status === 'completed' || status === 'terminated';
    await this.store.write(tx, { instance: update, state: result.state, status, activeElementIds: plan.activeElementIds, plan, cancelOpenTasks: ended, now, actor: actor.username });
    return { snapshot: this.snapshotOf(instance, result.state, status, plan.activeElementIds, now), plan };
  }

  private async interpret(job: Parameters<InterpreterPoolService['run']>[0]): Promise<Outcome> {
    try {
      return { kind: 'ok', result: await this.pool.run(job) };
    } catch (error) {
      if (error instanceof InterpreterAbortedError) return { kind: 'aborted', error };
      if (error instanceof InterpreterRejectedError) {
        if (error.code === 'INVALID_COMMAND') throw ApiError.badRequest(error.message);
        if (error.code === 'TASK_NOT_FOUND') throw ApiError.conflict(error.message);
        throw ApiError.conflict(error.message);
      }
      throw error;
    }
  }

  private async lockOrFail(tx: CommandTransaction, instanceId: string): Promise<LockedInstance> {
    const instance = await this.store.lockInstance(tx, instanceId);
    if (!instance) throw ApiError.notFound(`process instance ${instanceId} not found`);
    return instance;
  }

  private snapshot(instance: NewInstance, state: InstanceState, status: InstanceStatusValue, active: string[], createdAt: string, updatedAt: string): InstanceSnapshot {
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

  private snapshotOf(instance: LockedInstance, state: InstanceState, status: InstanceStatusValue, active: string[], now: string): InstanceSnapshot {
    return this.snapshot(
      { id: instance.id, definitionId: instance.definitionId, definitionKey: instance.definitionKey, definitionVersion: instance.definitionVersion, businessKey: instance.businessKey, startedBy: null },
      state,
      status,
      active,
      instance.createdAt.toISOString(),
      now,
    );
  }
}
