// Turns the interpreter's message, signal and call-activity effects into the rows and jobs one
// command writes (see correlation-sql.ts): pure, so it is tested without a database.
import type { Command, Effect } from '@stageflow/bpmn-runtime';
import {
  broadcastSignalJob,
  callJobKey,
  completeCalledProcessJob,
  escalateCalledProcessJob,
  failCalledProcessJob,
  startCalledProcessJob,
  type CorrelationJob,
} from './correlation-jobs.js';

export interface MessageSubscriptionRow {
  id: string;
  elementId: string;
  messageName: string;
  correlationKey: string | null;
}

export interface SignalSubscriptionRow {
  id: string;
  elementId: string;
  signalName: string;
}

export interface OutboxRow {
  elementId: string;
  name: string;
  correlationKey: string | null;
  payload: { [key: string]: unknown };
}

export interface CallRow {
  callId: string;
  elementId: string;
  processKey: string;
}

/** An escalation this called process did not catch, on its way to the parent's call activity. */
export interface ThrownEscalationRow {
  callId: string;
  elementId: string;
  escalationCode: string;
}

export interface CorrelationPlan {
  openedMessageSubscriptions: MessageSubscriptionRow[];
  closedMessageSubscriptionIds: string[];
  openedSignalSubscriptions: SignalSubscriptionRow[];
  closedSignalSubscriptionIds: string[];
  outbox: OutboxRow[];
  startedCalls: CallRow[];
  /** Calls the instance no longer waits for: their child (if started) is cancelled by a job. */
  cancelledCallIds: string[];
  /** The call whose child's end this command consumed (completeCalledProcess / failCalledProcess). */
  endedCallId: string | null;
  /** The buffered message this command delivers (deleted in its statement, never released). */
  deliveredMessageId: string | null;
  /** Escalations for the parent (rows, in the order thrown, delivered by a job). */
  thrownEscalations: ThrownEscalationRow[];
  /** The escalation of a child this command (escalateCalledProcess) delivers: its delivery row makes a second delivery fail. */
  deliveredEscalationId: string | null;
  /** The broadcast this command (deliverSignal) delivers: its delivery row makes a second delivery fail. */
  deliveredSignalBroadcastId: string | null;
  jobs: CorrelationJob[];
}

/** Who the instance is and what moved it. */
export interface CorrelationContext {
  instanceId: string;
  /** The call activity that started this instance, when it is a called process. */
  parent: { instanceId: string; callId: string } | null;
  command: Command | null;
}

export function emptyCorrelationPlan(): CorrelationPlan {
  return {
    openedMessageSubscriptions: [],
    closedMessageSubscriptionIds: [],
    openedSignalSubscriptions: [],
    closedSignalSubscriptionIds: [],
    outbox: [],
    startedCalls: [],
    cancelledCallIds: [],
    endedCallId: null,
    deliveredMessageId: null,
    thrownEscalations: [],
    deliveredEscalationId: null,
    deliveredSignalBroadcastId: null,
    jobs: [],
  };
}

/** True when the plan writes nothing (the statement needs no correlation part). */
export function isEmptyCorrelationPlan(plan: CorrelationPlan): boolean {
  return (
    plan.openedMessageSubscriptions.length === 0 &&
    plan.closedMessageSubscriptionIds.length === 0 &&
    plan.openedSignalSubscriptions.length === 0 &&
    plan.closedSignalSubscriptionIds.length === 0 &&
    plan.outbox.length === 0 &&
    plan.startedCalls.length === 0 &&
    plan.cancelledCallIds.length === 0 &&
    plan.endedCallId === null &&
    plan.deliveredMessageId === null &&
    plan.thrownEscalations.length === 0 &&
    plan.deliveredEscalationId === null &&
    plan.deliveredSignalBroadcastId === null &&
    plan.jobs.length === 0
  );
}

/**
 * The correlation part of one command's effects. A wait opened and closed by the same command
 * (a boundary message on a task that completed at once) never becomes a row.
 */
export function planCorrelation(effects: readonly Effect[], context: CorrelationContext): CorrelationPlan {
  const plan = emptyCorrelationPlan();
  const { command, parent } = context;
  if (command?.type === 'completeCalledProcess' || command?.type === 'failCalledProcess') plan.endedCallId = command.callId;
  // The subscription a message was correlated to is consumed: its row goes in this statement
  // even if the interpreter reports the close only implicitly.
  if (command?.type === 'correlateMessage') plan.closedMessageSubscriptionIds.push(command.subscriptionId);
  for (const effect of effects) {
    switch (effect.type) {
      case 'MessageSubscribed':
        plan.openedMessageSubscriptions.push({
          id: effect.subscriptionId,
          elementId: effect.elementId,
          messageName: effect.messageName,
          correlationKey: effect.correlationKey ?? null,
        });
        break;
      case 'MessageSubscriptionClosed': {
        const before = plan.openedMessageSubscriptions.length;
        plan.openedMessageSubscriptions = plan.openedMessageSubscriptions.filter((s) => s.id !== effect.subscriptionId);
        if (plan.openedMessageSubscriptions.length === before && !plan.closedMessageSubscriptionIds.includes(effect.subscriptionId)) {
          plan.closedMessageSubscriptionIds.push(effect.subscriptionId);
        }
        break;
      }
      case 'SignalSubscribed':
        plan.openedSignalSubscriptions.push({ id: effect.subscriptionId, elementId: effect.elementId, signalName: effect.signalName });
        break;
      case 'SignalSubscriptionClosed': {
        const before = plan.openedSignalSubscriptions.length;
        plan.openedSignalSubscriptions = plan.openedSignalSubscriptions.filter((s) => s.id !== effect.subscriptionId);
        if (plan.openedSignalSubscriptions.length === before) plan.closedSignalSubscriptionIds.push(effect.subscriptionId);
        break;
      }
      case 'MessageThrown':
        plan.outbox.push({ elementId: effect.elementId, name: effect.messageName, correlationKey: effect.correlationKey ?? null, payload: effect.variables });
        break;
      case 'SignalThrown':
        plan.jobs.push(broadcastSignalJob(effect.signalName, effect.variables, context.instanceId));
        break;
      case 'CalledProcessStarted':
        plan.startedCalls.push({ callId: effect.callId, elementId: effect.elementId, processKey: effect.processKey });
        plan.jobs.push(startCalledProcessJob(context.instanceId, effect));
        break;
      case 'CalledProcessCancelled': {
        const startedHere = plan.startedCalls.some((call) => call.callId === effect.callId);
        if (startedHere) {
          // Never written: drop the row and its start job.
          plan.startedCalls = plan.startedCalls.filter((call) => call.callId !== effect.callId);
          const key = callJobKey(effect.callId);
          plan.jobs = plan.jobs.filter((job) => job.key !== key);
        } else {
          plan.cancelledCallIds.push(effect.callId);
        }
        break;
      }
      case 'InstanceCompleted':
        if (parent) plan.jobs.push(completeCalledProcessJob(parent.instanceId, parent.callId, context.instanceId));
        break;
      case 'InstanceTerminated':
        // A terminate end event ends a called process normally (as in Camunda and Zeebe): the
        // parent goes on. Terminated without an element means cancelled: the parent is not told.
        if (parent && effect.elementId !== undefined) plan.jobs.push(completeCalledProcessJob(parent.instanceId, parent.callId, context.instanceId));
        break;
      case 'ErrorUncaught':
        if (parent) plan.jobs.push(failCalledProcessJob(parent.instanceId, parent.callId, context.instanceId, effect.errorCode, effect.message));
        break;
      case 'EscalationUncaught':
        // A top-level instance's uncaught escalation is only history; a child's goes to the parent.
        if (!parent) break;
        if (plan.thrownEscalations.length === 0) plan.jobs.push(escalateCalledProcessJob(parent.instanceId, parent.callId));
        plan.thrownEscalations.push({ callId: parent.callId, elementId: effect.elementId, escalationCode: effect.escalationCode });
        break;
      default:
        break;
    }
  }
  // The call whose end this command consumed is `ended`, not cancelled: its child has ended
  // (or, after an uncaught error, is terminated by the job that reported it). One UPDATE per row.
  if (plan.endedCallId !== null) plan.cancelledCallIds = plan.cancelledCallIds.filter((id) => id !== plan.endedCallId);
  return plan;
}
