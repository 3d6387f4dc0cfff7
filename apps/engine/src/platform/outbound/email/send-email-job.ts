// The job that delivers one outbox e-mail. Its key is the e-mail's id, so the job exists once
// per e-mail however often it is queued again (an incident retry, a release of held mail).
import type { JobRequest } from '../../jobs/job-request.js';

export const SEND_EMAIL_TASK = 'stageflow.send-email';

/** `processInstanceId` in the payload links the incident of a failed e-mail to its instance. */
export function sendEmailJob(emailId: string, processInstanceId: string | null, maxAttempts: number): JobRequest {
  return { task: SEND_EMAIL_TASK, payload: { emailId, processInstanceId }, key: `email:${emailId}`, maxAttempts };
}
