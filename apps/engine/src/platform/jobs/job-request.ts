// A job: work that must happen later or elsewhere (a timer firing, an async continuation, a
// signal fan-out), stored in PostgreSQL by graphile-worker and worked by whichever engine node
// locks it first (SKIP LOCKED). Jobs are written in the same statement as the state that
// caused them, so a job exists exactly when its cause was committed.

/** A JSON object (a job's payload travels as `json`). */
export type JobPayload = { [key: string]: unknown };

export interface JobRequest {
  /** The handler that works it (see JobHandlerRegistry.register), e.g. `stageflow.fire-timer`. */
  task: string;
  payload: JobPayload;
  /** ISO 8601 instant; absent = now by the DATABASE clock (never a node's). */
  runAt?: string;
  /**
   * Idempotency key: adding a job whose key an unstarted job already has replaces that job
   * (its payload and run time) instead of adding a second one; removing by key drops it.
   */
  key?: string;
  /** Attempts before the job gives up and raises an incident; default DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

/** graphile-worker retries with exponential back-off: 5 attempts span about 1.5 minutes. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** graphile-worker limits task identifiers and keys (its `check` constraints); so do we, early. */
const MAX_TASK_LENGTH = 128;

/** A programming error in a caller, not bad user input: thrown as such. */
export function assertJobRequest(job: JobRequest): void {
  if (typeof job.task !== 'string' || job.task.length === 0 || job.task.length > MAX_TASK_LENGTH) {
    throw new Error(`job task must be a non-empty string of at most ${MAX_TASK_LENGTH} characters, got ${JSON.stringify(job.task)}`);
  }
  if (job.payload === null || typeof job.payload !== 'object' || Array.isArray(job.payload)) {
    throw new Error(`job payload of ${job.task} must be a JSON object`);
  }
  if (job.runAt !== undefined && Number.isNaN(Date.parse(job.runAt))) {
    throw new Error(`job runAt of ${job.task} is not an ISO 8601 instant: ${job.runAt}`);
  }
  if (job.maxAttempts !== undefined && (!Number.isInteger(job.maxAttempts) || job.maxAttempts < 1 || job.maxAttempts > 32767)) {
    throw new Error(`job maxAttempts of ${job.task} must be an integer from 1 to 32767`);
  }
}
