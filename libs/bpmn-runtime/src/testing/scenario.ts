// An in-memory scenario driver: deploy XML, start instances, list and complete open tasks,
// and assert on state and effects. It plays the engine's part without a database: ids come
// from a counter, the clock is a value you set, and state and graph make a JSON round trip
// on every command (as they would through jsonb), so nothing non-serializable slips in.
//
// Call activities: when the called key is a process of the deployed diagram(s), the driver
// plays the engine: it starts the child (`instance.called(elementId)`), sends
// completeCalledProcess when the child completes, failCalledProcess when it ends with an
// uncaught BPMN error, escalateCalledProcess for each escalation it does not catch (before its
// end), and cancels the child on CalledProcessCancelled. Otherwise the call
// waits until the spec sends completeCalledProcess / failCalledProcess itself.
import type { Command } from '../contract/commands.js';
import type { DefinitionProblem, ProcessGraph } from '../contract/definition.js';
import type { Effect, EffectType } from '../contract/effects.js';
import type { InstanceState, InstanceStatus, Variables } from '../contract/state.js';
import { compileBpmn } from '../model/compile-bpmn.js';
import { interpret } from '../interpreter/interpret.js';
import { CommandRejectedError, type DecideRuleSet } from '../contract/interpret.js';

export interface ScenarioOptions {
  /** The clock: ISO instant passed as `now` (default 2024-01-01T09:00:00.000Z). */
  now?: string;
  /** Package parameters visible to FEEL as `params`. */
  params?: Record<string, unknown>;
  maxSteps?: number;
  /** Business-rule tasks: the rule-set evaluation (InterpretOptions.decide). */
  decide?: DecideRuleSet;
  /** The record the instance is about, read before every command as the engine reads it fresh (InterpretOptions.record). */
  record?: () => Record<string, unknown> | undefined;
}

export interface ScenarioStart {
  /** Which process of the diagram (default: the first). */
  processId?: string;
  variables?: Variables;
  businessKey?: string;
  /** A timer, message or signal start event to start at (default: the none start event). */
  startEventId?: string;
}

export type TaskCreatedEffect = Extract<Effect, { type: 'TaskCreated' }>;
export type TimerScheduledEffect = Extract<Effect, { type: 'TimerScheduled' }>;
export type ActionRequestedEffect = Extract<Effect, { type: 'ActionRequested' }>;
export type SubscriptionEffect = Extract<Effect, { type: 'MessageSubscribed' | 'SignalSubscribed' }>;
export type EffectOf<T extends EffectType> = Extract<Effect, { type: T }>;

/** Thrown by Scenario.deploy when the diagram is refused. */
export class ScenarioDeployError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`The diagram was refused:\n${problems.map((p) => `  - ${p.elementId ? `[${p.elementId}] ` : ''}${p.message}`).join('\n')}`);
    this.name = 'ScenarioDeployError';
  }
}

export class Scenario {
  private counter = 0;
  now: string;

  private constructor(
    readonly processes: ProcessGraph[],
    readonly options: ScenarioOptions,
  ) {
    this.now = options.now ?? '2024-01-01T09:00:00.000Z';
  }

  /** Compiles the diagram(s); throws ScenarioDeployError listing the problems when one is refused. */
  static async deploy(xml: string | string[], options: ScenarioOptions = {}): Promise<Scenario> {
    const processes: ProcessGraph[] = [];
    for (const document of Array.isArray(xml) ? xml : [xml]) {
      const result = await compileBpmn(document);
      if (!result.ok) throw new ScenarioDeployError(result.problems);
      processes.push(...(JSON.parse(JSON.stringify(result.processes)) as ProcessGraph[]));
    }
    return new Scenario(processes, options);
  }

  /** The process with this key, if the scenario holds it. */
  findProcess(processKey: string): ProcessGraph | undefined {
    return this.processes.find((p) => p.id === processKey);
  }

  /** Deterministic ids: id-1, id-2, ... */
  readonly newId = (): string => `id-${++this.counter}`;

  process(processId?: string): ProcessGraph {
    const graph = processId === undefined ? this.processes[0] : this.processes.find((p) => p.id === processId);
    if (!graph) throw new Error(`No process '${processId ?? '(first)'}' in the diagram`);
    return graph;
  }

  /** Sets the clock for the next commands. */
  at(now: string): this {
    this.now = now;
    return this;
  }

  start(start: ScenarioStart = {}): ScenarioInstance {
    const instance = new ScenarioInstance(this, this.process(start.processId));
    const command: Command = { type: 'start' };
    if (start.variables !== undefined) command.variables = start.variables;
    if (start.businessKey !== undefined) command.businessKey = start.businessKey;
    if (start.startEventId !== undefined) command.startEventId = start.startEventId;
    return instance.send(command);
  }
}

export class ScenarioInstance {
  state: InstanceState | undefined;
  /** Every effect since the start, in order. */
  readonly effects: Effect[] = [];
  /** The effects of the last command. */
  lastEffects: Effect[] = [];
  private readonly tasks = new Map<string, TaskCreatedEffect>();
  /** Children started by call activities, by callId. */
  private readonly children = new Map<string, ScenarioInstance>();
  private readonly timerMap = new Map<string, TimerScheduledEffect>();
  private readonly actionMap = new Map<string, ActionRequestedEffect>();
  private readonly subscriptionMap = new Map<string, SubscriptionEffect>();

  constructor(
    private readonly scenario: Scenario,
    readonly graph: ProcessGraph,
    /** The call activity that started this instance (parent instance and callId). */
    readonly parent?: { instance: ScenarioInstance; callId: string },
  ) {}

  /** Runs a command through the interpreter (CommandRejectedError propagates). */
  send(command: Command): this {
    const options = {
      now: this.scenario.now,
      newId: this.scenario.newId,
      ...(this.scenario.options.params ? { params: this.scenario.options.params } : {}),
      ...(this.scenario.options.maxSteps !== undefined ? { maxSteps: this.scenario.options.maxSteps } : {}),
      ...(this.scenario.options.decide ? { decide: this.scenario.options.decide } : {}),
      ...(this.scenario.options.record?.() ? { record: this.scenario.options.record() } : {}),
    };
    const result = interpret(this.graph, this.state, command, options);
    this.state = JSON.parse(JSON.stringify(result.state)) as InstanceState;
    this.lastEffects = JSON.parse(JSON.stringify(result.effects)) as Effect[];
    this.effects.push(...this.lastEffects);
    for (const effect of this.lastEffects) {
      if (effect.type === 'TaskCreated') this.tasks.set(effect.taskId, effect);
      if (effect.type === 'TaskCompleted' || effect.type === 'TaskCancelled') this.tasks.delete(effect.taskId);
      if (effect.type === 'TimerScheduled') this.timerMap.set(effect.timerId, effect);
      if (effect.type === 'TimerCancelled') this.timerMap.delete(effect.timerId);
      if (effect.type === 'ActionRequested') this.actionMap.set(effect.actionId, effect);
      if (effect.type === 'ActionCancelled') this.actionMap.delete(effect.actionId);
      if (effect.type === 'MessageSubscribed' || effect.type === 'SignalSubscribed') this.subscriptionMap.set(effect.subscriptionId, effect);
      if (effect.type === 'MessageSubscriptionClosed' || effect.type === 'SignalSubscriptionClosed') this.subscriptionMap.delete(effect.subscriptionId);
    }
    this.playCalls(this.lastEffects);
    // A fired timer's job is done (the engine deletes it; no TimerCancelled follows).
    if (command.type === 'fireTimer') this.timerMap.delete(command.timerId);
    // An action answered is no longer pending (the interpreter emits nothing for it).
    if (command.type === 'completeAction' || command.type === 'failAction') this.actionMap.delete(command.actionId);
    return this;
  }

  /** The engine's part for call activities (see the header). */
  private playCalls(effects: Effect[]): void {
    for (const effect of effects) {
      if (effect.type === 'CalledProcessStarted') {
        const graph = this.scenario.findProcess(effect.processKey);
        if (!graph) continue;
        const child = new ScenarioInstance(this.scenario, graph, { instance: this, callId: effect.callId });
        this.children.set(effect.callId, child);
        const start: Command = { type: 'start', variables: effect.variables };
        if (effect.businessKey !== undefined) start.businessKey = effect.businessKey;
        child.send(start);
      } else if (effect.type === 'CalledProcessCancelled') {
        const child = this.children.get(effect.callId);
        if (child?.state?.status === 'active' || child?.state?.status === 'incident') child.cancel();
      }
    }
    if (!this.parent || !this.state) return;
    const { instance, callId } = this.parent;
    // Escalations first, in the order thrown: the engine delivers them before the child's end.
    for (const effect of effects) {
      if (effect.type === 'EscalationUncaught') instance.notify({ type: 'escalateCalledProcess', callId, escalationCode: effect.escalationCode });
    }
    const uncaught = effects.find((effect): effect is EffectOf<'ErrorUncaught'> => effect.type === 'ErrorUncaught');
    if (uncaught) {
      const fail: Command = { type: 'failCalledProcess', callId, errorCode: uncaught.errorCode };
      if (uncaught.message !== undefined) fail.message = uncaught.message;
      instance.notify(fail);
    } else if (effects.some((effect) => effect.type === 'InstanceCompleted')) {
      instance.notify({ type: 'completeCalledProcess', callId, variables: this.state.variables });
    }
  }

  /** A child's news for this parent, as the engine's job delivers it: refused (the call no longer waits) is a no-op. */
  private notify(command: Command): void {
    try {
      this.send(command);
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
    }
  }

  /** The child instance the call activity `elementId` started last (when the scenario holds its process). */
  called(elementId: string): ScenarioInstance {
    const child = this.children.get(this.lastOf('CalledProcessStarted', elementId).callId);
    if (!child) throw new Error(`The process called by '${elementId}' is not part of this scenario`);
    return child;
  }

  /** Completes the call the activity `elementId` waits for, as the engine does when the child ends. */
  completeCalledProcess(elementId: string, variables: Variables = {}): this {
    return this.send({ type: 'completeCalledProcess', callId: this.lastOf('CalledProcessStarted', elementId).callId, variables });
  }

  get status(): InstanceStatus {
    return this.requireState().status;
  }

  /** The instance scope's variables. */
  get variables(): Variables {
    return this.requireState().variables;
  }

  /** Open tasks, in creation order (what the engine's task list would show). */
  openTasks(): TaskCreatedEffect[] {
    return [...this.tasks.values()];
  }

  /** The single open task of an element; throws when there is none or several. */
  task(elementId: string): TaskCreatedEffect {
    const found = this.openTasks().filter((task) => task.elementId === elementId);
    if (found.length !== 1) {
      const open =
        this.openTasks()
          .map((task) => task.elementId)
          .join(', ') || 'none';
      throw new Error(`Expected one open task of '${elementId}', found ${found.length} (open: ${open})`);
    }
    return found[0]!;
  }

  /** Completes a task by task id or by element id (when that element has exactly one open task), as `completedBy` when given. */
  complete(taskOrElementId: string, variables?: Variables, completedBy?: string): this {
    const taskId = this.tasks.has(taskOrElementId) ? taskOrElementId : (this.tryTask(taskOrElementId) ?? taskOrElementId);
    return this.send({
      type: 'completeTask',
      taskId,
      ...(variables === undefined ? {} : { variables }),
      ...(completedBy === undefined ? {} : { completedBy }),
    });
  }

  cancel(): this {
    return this.send({ type: 'cancel' });
  }

  /** Runs the async continuation the element is parked at (what the engine's job does). */
  continueAsync(elementId: string): this {
    return this.send({ type: 'continueAsync', continuationId: this.lastOf('AsyncContinuationScheduled', elementId).continuationId });
  }

  /** Retries the last incident raised at the element. */
  retryIncident(elementId: string): this {
    return this.send({ type: 'retryIncident', incidentId: this.lastOf('IncidentRaised', elementId).incidentId });
  }

  /** The last effect of a type about an element; throws when there is none. */
  lastOf<T extends 'AsyncContinuationScheduled' | 'IncidentRaised' | 'CalledProcessStarted' | 'ActionRequested'>(type: T, elementId: string): EffectOf<T> {
    const found = this.effectsOf(type).filter((effect) => (effect as { elementId?: string }).elementId === elementId);
    const last = found[found.length - 1];
    if (!last) throw new Error(`No ${type} for '${elementId}' so far`);
    return last;
  }

  /** Open timers (scheduled, not yet fired or cancelled), in scheduling order. */
  timers(): TimerScheduledEffect[] {
    return [...this.timerMap.values()];
  }

  /** The single open timer of an element; throws when there is none or several. */
  timer(elementId: string): TimerScheduledEffect {
    return single(
      this.timers().filter((timer) => timer.elementId === elementId),
      `timer of '${elementId}'`,
      this.timers(),
    );
  }

  /**
   * Fires a timer (by timer id, or element id with exactly one open timer) as the engine's
   * job would: the clock moves to its due time first when that is later than now.
   */
  fireTimer(timerOrElementId: string): this {
    const timer = this.timerMap.get(timerOrElementId) ?? this.timer(timerOrElementId);
    if (timer.dueAt > this.scenario.now) this.scenario.at(timer.dueAt);
    return this.send({ type: 'fireTimer', timerId: timer.timerId });
  }

  /** Open message and signal subscriptions, in opening order. */
  /** Actions requested by service tasks and not yet completed, failed or cancelled. */
  pendingActions(): ActionRequestedEffect[] {
    return [...this.actionMap.values()];
  }

  subscriptions(): SubscriptionEffect[] {
    return [...this.subscriptionMap.values()];
  }

  /** The single open subscription of an element; throws when there is none or several. */
  subscription(elementId: string): SubscriptionEffect {
    return single(
      this.subscriptions().filter((sub) => sub.elementId === elementId),
      `subscription of '${elementId}'`,
      this.subscriptions(),
    );
  }

  /** Correlates a message to a subscription (by id, or element id with exactly one open subscription). */
  correlate(subscriptionOrElementId: string, variables?: Variables): this {
    const subscriptionId = this.subscriptionMap.has(subscriptionOrElementId)
      ? subscriptionOrElementId
      : this.subscription(subscriptionOrElementId).subscriptionId;
    return this.send(variables === undefined ? { type: 'correlateMessage', subscriptionId } : { type: 'correlateMessage', subscriptionId, variables });
  }

  /** Delivers a broadcast signal to this instance. */
  signal(signalName: string, variables?: Variables): this {
    return this.send(variables === undefined ? { type: 'deliverSignal', signalName } : { type: 'deliverSignal', signalName, variables });
  }

  /** Effects of one type, since the start. */
  effectsOf<T extends EffectType>(type: T): EffectOf<T>[] {
    return this.effects.filter((effect): effect is EffectOf<T> => effect.type === type);
  }

  /** Element ids in the order they were entered. */
  entered(): string[] {
    return this.effectsOf('ElementEntered').map((effect) => effect.elementId);
  }

  /** Flow ids in the order they were taken. */
  flowsTaken(): string[] {
    return this.effectsOf('FlowTaken').map((effect) => effect.elementId);
  }

  incidents(): EffectOf<'IncidentRaised'>[] {
    return this.effectsOf('IncidentRaised');
  }

  /** Open tasks, timers and subscriptions of one element: what a spec asserts on most. */
  waitingAt(): string[] {
    return [...this.openTasks(), ...this.timers(), ...this.subscriptions(), ...this.pendingActions()].map((wait) => wait.elementId);
  }

  private tryTask(elementId: string): string | undefined {
    const found = this.openTasks().filter((task) => task.elementId === elementId);
    return found.length === 1 ? found[0]!.taskId : undefined;
  }

  private requireState(): InstanceState {
    if (!this.state) throw new Error('The instance has not been started');
    return this.state;
  }
}

function single<T extends { elementId: string }>(found: T[], what: string, open: T[]): T {
  if (found.length !== 1) {
    throw new Error(`Expected one open ${what}, found ${found.length} (open: ${open.map((item) => item.elementId).join(', ') || 'none'})`);
  }
  return found[0]!;
}
