// The jobs that carry messages, signals and called processes between instances: task names,
// keys and payloads. Keys come from ids that exist once (a call id, a buffered message id), so
// a command retried after a lost race still leaves one job per cause.

/** Runs correlateMessage for a buffered message a newly opened subscription claimed. */
export const DELIVER_BUFFERED_MESSAGE_TASK = 'stageflow.deliver-buffered-message';
/** A claim released (its subscription closed first): offers the message to a subscription already waiting. */
export const REDELIVER_BUFFERED_MESSAGE_TASK = 'stageflow.redeliver-buffered-message';
/** A buffered message reached its expiry: deleted unless a subscription claimed it meanwhile. */
export const EXPIRE_BUFFERED_MESSAGE_TASK = 'stageflow.expire-buffered-message';
/** Fans a signal out: one deliver job per subscribed instance, one start job per signal start event. */
export const BROADCAST_SIGNAL_TASK = 'stageflow.broadcast-signal';
/** Runs deliverSignal on one instance. */
export const DELIVER_SIGNAL_TASK = 'stageflow.deliver-signal';
/** Starts an instance at a signal start event. */
export const START_BY_SIGNAL_TASK = 'stageflow.start-by-signal';
/** Starts the child of a call activity. */
export const START_CALLED_PROCESS_TASK = 'stageflow.start-called-process';
/** Cancels the child of a call activity (and so, recursively, its own children). */
export const CANCEL_CALLED_PROCESS_TASK = 'stageflow.cancel-called-process';
/** The child ended: runs completeCalledProcess on the parent with the child's variables. */
export const COMPLETE_CALLED_PROCESS_TASK = 'stageflow.complete-called-process';
/** The child ended with an uncaught BPMN error: failCalledProcess on the parent, then the child is terminated. */
export const FAIL_CALLED_PROCESS_TASK = 'stageflow.fail-called-process';

/**
 * The child threw escalations it did not catch: throws each one the parent has not had yet at
 * the call activity (escalateCalledProcess), in the order thrown. The complete and fail jobs
 * do the same first, so the parent never hears of a child's end before its escalations.
 */
export const ESCALATE_CALLED_PROCESS_TASK = 'stageflow.escalate-called-process';

/** The shape of the job layer's JobRequest this module produces (task, payload, key). */
export interface CorrelationJob {
  task: string;
  payload: { [key: string]: unknown };
  key?: string;
  maxAttempts?: number;
}

export function bufferedMessageJobKey(messageId: string): string {
  return `message:${messageId}`;
}

export function callJobKey(callId: string): string {
  return `call:${callId}`;
}

/**
 * Starts the child of a call activity. `processInstanceId` is the parent: a job incident (the
 * start kept failing) shows on it.
 */
export function startCalledProcessJob(
  parentInstanceId: string,
  call: { callId: string; elementId: string; processKey: string; businessKey?: string; variables: { [key: string]: unknown } },
): CorrelationJob {
  return {
    task: START_CALLED_PROCESS_TASK,
    payload: {
      processInstanceId: parentInstanceId,
      callId: call.callId,
      elementId: call.elementId,
      processKey: call.processKey,
      ...(call.businessKey === undefined ? {} : { businessKey: call.businessKey }),
      variables: call.variables,
    },
    key: callJobKey(call.callId),
  };
}

export function completeCalledProcessJob(parentInstanceId: string, callId: string, childInstanceId: string): CorrelationJob {
  return { task: COMPLETE_CALLED_PROCESS_TASK, payload: { processInstanceId: parentInstanceId, callId, childInstanceId }, key: `call-end:${callId}` };
}

export function failCalledProcessJob(
  parentInstanceId: string,
  callId: string,
  childInstanceId: string,
  errorCode: string,
  message: string | undefined,
): CorrelationJob {
  return {
    task: FAIL_CALLED_PROCESS_TASK,
    payload: { processInstanceId: parentInstanceId, callId, childInstanceId, errorCode, ...(message === undefined ? {} : { message }) },
    key: `call-end:${callId}`,
  };
}

/** No key: each job delivers every escalation still undelivered, so a second one finds nothing to do. */
export function escalateCalledProcessJob(parentInstanceId: string, callId: string): CorrelationJob {
  return { task: ESCALATE_CALLED_PROCESS_TASK, payload: { processInstanceId: parentInstanceId, callId } };
}

export function broadcastSignalJob(signalName: string, variables: { [key: string]: unknown }, sourceInstanceId: string | null): CorrelationJob {
  return { task: BROADCAST_SIGNAL_TASK, payload: { signalName, variables, sourceInstanceId } };
}
