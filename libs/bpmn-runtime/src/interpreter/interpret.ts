// interpret(graph, state, command, options) -> { state, effects }: synchronous, deterministic,
// no I/O. The state is cloned once per command; the given state is never modified.
//
// Incidents (kept simple on purpose): a failing expression, an exclusive/inclusive gateway
// without a matching flow, or the step limit parks the token where it is (wait 'incident')
// and raises IncidentRaised; the instance status becomes 'incident'. Other tokens are not
// affected: later commands (completing another open task, cancel) still run, and the status
// stays 'incident' while any token has one. Incidents are never thrown. retryIncident runs
// the parked token's element again (interpreter/incident-retry.ts).
import { CommandRejectedError, type Interpret } from '../contract/interpret.js';
import type { Variables } from '../contract/state.js';
import { behaviors } from '../behaviors/behavior-registry.js';
import { completeCalledProcess, escalateCalledProcess, failCalledProcess } from '../behaviors/call-activity/call-activity.behavior.js';
import { completeAction, failAction } from '../behaviors/service-task/service-task.behavior.js';
import { openEventSubProcesses } from '../scope/event-sub-processes.js';
import { isCompiledProcess } from '../model/process-graph.js';
import { cloneState, isRuntimeState, ROOT_SCOPE, type RuntimeState } from '../state/instance-state.js';
import { continueAsync } from './async-continuation.js';
import { closeAllCatches } from '../catch/catch-subscriptions.js';
import { applyEventCommand } from './event-commands.js';
import { startEventOf } from './start-event.js';
import { DEFAULT_MAX_STEPS, Execution } from './execution.js';
import { retryIncident } from './incident-retry.js';

const EMPTY_PARAMS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export const interpret: Interpret = (graph, state, command, options) => {
  if (!isCompiledProcess(graph)) {
    throw new CommandRejectedError('INVALID_COMMAND', 'The graph is not a process compiled by compileBpmn');
  }
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const environment = { params: options.params ?? EMPTY_PARAMS, ...(options.record === undefined ? {} : { record: options.record }) };

  if (command.type === 'start') {
    if (state !== undefined) throw new CommandRejectedError('INVALID_COMMAND', 'The instance has already been started');
    const variables = checkVariables(command.variables);
    const fresh: RuntimeState = { status: 'active', variables: { ...variables }, tokens: [], scopes: {} };
    if (command.businessKey !== undefined) fresh.businessKey = command.businessKey;
    const execution = new Execution(graph, fresh, options.newId, options.now, maxSteps, environment, options.decide);
    if (Object.keys(variables).length > 0) execution.emit({ type: 'VariablesChanged', changes: variables });
    const start = startEventOf(graph, command.startEventId);
    openEventSubProcesses(execution, ROOT_SCOPE, graph.id);
    const token = execution.createToken(start, ROOT_SCOPE);
    execution.scheduleEnter(token, undefined);
    execution.run();
    return finish(execution);
  }

  if (state === undefined) throw new CommandRejectedError('INSTANCE_NOT_ACTIVE', 'The instance has not been started');
  if (!isRuntimeState(state)) throw new CommandRejectedError('INVALID_COMMAND', 'The state was not produced by this interpreter');
  if (state.tokens.some((token) => graph.nodes[token.nodeId] === undefined)) {
    throw new CommandRejectedError('INVALID_COMMAND', `The state does not belong to this version of process '${graph.id}'`);
  }
  if (state.status !== 'active' && state.status !== 'incident') {
    throw new CommandRejectedError('INSTANCE_NOT_ACTIVE', `The instance is ${state.status}`);
  }

  switch (command.type) {
    case 'completeTask': {
      const given = checkVariables(command.variables);
      const index = state.tokens.findIndex((token) => token.taskId === command.taskId && token.wait === 'task');
      if (index === -1) throw new CommandRejectedError('TASK_NOT_FOUND', `No open task '${command.taskId}' in this instance`);
      const execution = new Execution(graph, cloneState(state), options.newId, options.now, maxSteps, environment, options.decide);
      const token = execution.state.tokens[index]!;
      const node = execution.node(token.nodeId);
      const behavior = behaviors[node.kind];
      if (!behavior.completeTask) throw new CommandRejectedError('TASK_NOT_FOUND', `'${node.id}' is not a task`);
      // Who completed it is the caller's word, not the form's: it overrides a variable of that name.
      const completer = node.userTask?.completedByVariable;
      const variables = completer !== undefined && command.completedBy !== undefined ? { ...given, [completer]: command.completedBy } : given;
      behavior.completeTask(execution, token, node, variables);
      execution.run();
      return finish(execution);
    }
    case 'fireTimer':
    case 'correlateMessage':
    case 'deliverSignal': {
      const variables = command.type === 'fireTimer' ? undefined : checkVariables(command.variables);
      const execution = new Execution(graph, cloneState(state), options.newId, options.now, maxSteps, environment, options.decide);
      applyEventCommand(execution, command, variables);
      execution.run();
      return finish(execution);
    }
    case 'setVariables': {
      const variables = checkVariables(command.variables);
      const execution = new Execution(graph, cloneState(state), options.newId, options.now, maxSteps, environment, options.decide);
      Object.assign(execution.state.variables, variables);
      if (Object.keys(variables).length > 0) execution.emit({ type: 'VariablesChanged', changes: variables });
      return finish(execution);
    }
    case 'cancel': {
      const execution = new Execution(graph, cloneState(state), options.newId, options.now, maxSteps, environment, options.decide);
      closeAllCatches(execution);
      for (const token of execution.state.tokens) execution.cancelWaits(token);
      execution.state.tokens = [];
      execution.state.scopes = {};
      execution.state.status = 'terminated';
      execution.emit({ type: 'InstanceCancelled' });
      return { state: execution.state, effects: execution.effects };
    }
    case 'continueAsync':
    case 'retryIncident':
    case 'completeCalledProcess':
    case 'failCalledProcess':
    case 'escalateCalledProcess':
    case 'completeAction':
    case 'failAction': {
      const execution = new Execution(graph, cloneState(state), options.newId, options.now, maxSteps, environment, options.decide);
      if (command.type === 'continueAsync') continueAsync(execution, requireId(command.continuationId, 'continuationId'));
      else if (command.type === 'retryIncident') retryIncident(execution, requireId(command.incidentId, 'incidentId'));
      else if (command.type === 'completeCalledProcess')
        completeCalledProcess(execution, requireId(command.callId, 'callId'), checkVariables(command.variables));
      else if (command.type === 'failCalledProcess')
        failCalledProcess(execution, requireId(command.callId, 'callId'), requireId(command.errorCode, 'errorCode'), command.message);
      else if (command.type === 'escalateCalledProcess')
        escalateCalledProcess(execution, requireId(command.callId, 'callId'), requireId(command.escalationCode, 'escalationCode'));
      else if (command.type === 'completeAction') completeAction(execution, requireId(command.actionId, 'actionId'), checkVariables(command.variables));
      else failAction(execution, requireId(command.actionId, 'actionId'), requireId(command.errorCode, 'errorCode'), command.message);
      execution.run();
      return finish(execution);
    }
    default:
      throw new CommandRejectedError('INVALID_COMMAND', `Unknown command '${(command as { type?: unknown }).type}'`);
  }
};

function requireId(id: unknown, field: string): string {
  if (typeof id !== 'string' || id === '') throw new CommandRejectedError('INVALID_COMMAND', `${field} must be a non-empty string`);
  return id;
}

function checkVariables(variables: Variables | undefined): Variables {
  if (variables === undefined) return {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    throw new CommandRejectedError('INVALID_COMMAND', 'variables must be an object');
  }
  return variables;
}

function finish(execution: Execution) {
  const state = execution.state;
  if (state.status === 'active' || state.status === 'incident') {
    state.status = state.tokens.some((token) => token.wait === 'incident') ? 'incident' : 'active';
  }
  return { state, effects: execution.effects };
}
