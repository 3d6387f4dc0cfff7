// The job that runs the action a service task requested (ActionRequested): written in the
// statement of the command that parked the task, keyed by the action id, so a command retried
// after a lost race still leaves one job, and the task's interruption (ActionCancelled) removes
// it when it has not started.
import type { JobRequest } from '../../platform/jobs/job-request.js';

export const RUN_ACTION_TASK = 'stageflow.run-action';

export function actionJobKey(actionId: string): string {
  return `action:${actionId}`;
}

export function runActionJob(
  processInstanceId: string,
  request: { actionId: string; elementId: string; actionKey: string; variables: { [name: string]: unknown } },
): JobRequest {
  return {
    task: RUN_ACTION_TASK,
    payload: { processInstanceId, actionId: request.actionId, elementId: request.elementId, actionKey: request.actionKey, variables: request.variables },
    key: actionJobKey(request.actionId),
  };
}

/**
 * The idempotency key of one run of an action: the instance and the interpreter's action id
 * (a new id each time the task is entered, so a retried incident runs the action again).
 */
export function actionRunKey(processInstanceId: string, actionId: string): string {
  return `${processInstanceId}:${actionId}`;
}
