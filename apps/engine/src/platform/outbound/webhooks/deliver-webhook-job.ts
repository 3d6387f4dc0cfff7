// The job that delivers one webhook call; keyed by the delivery's id, so it exists once per
// delivery however often it is queued again (an incident retry).
import type { JobRequest } from '../../jobs/job-request.js';

export const DELIVER_WEBHOOK_TASK = 'stageflow.deliver-webhook';

/** `processInstanceId` in the payload links the incident of a failed delivery to its instance. */
export function deliverWebhookJob(deliveryId: string, processInstanceId: string | null, maxAttempts: number): JobRequest {
  return { task: DELIVER_WEBHOOK_TASK, payload: { deliveryId, processInstanceId }, key: `webhook:${deliveryId}`, maxAttempts };
}
