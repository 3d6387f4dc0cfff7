// Which code works which job task. Modules register their handlers when they are constructed;
// the job runner reads the registry when it starts, so every handler is known by then.
import { Injectable } from '@nestjs/common';
import type { JobPayload } from './job-request.js';

export interface JobContext {
  /** graphile-worker's job id. */
  jobId: string;
  /** This attempt, from 1. */
  attempt: number;
  maxAttempts: number;
  /** The job key, when the job has one. */
  key: string | null;
}

/** Works one job. Throwing fails this attempt: the job is retried with back-off, then becomes an incident. */
export type JobHandler = (payload: JobPayload, context: JobContext) => Promise<void>;

/** A job that failed its last attempt (or for good). */
export interface FailedJob {
  jobId: string;
  attempt: number;
  task: string;
  payload: JobPayload;
  key: string | null;
  maxAttempts: number;
  message: string;
}

/**
 * Keeps a job that failed for good where an operator finds it. The process module registers one
 * (an incident, retried from the API); the jobs module knows no more of processes than that.
 */
export type JobFailureRecorder = (failure: FailedJob) => Promise<void>;

@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private failureRecorder: JobFailureRecorder | undefined;

  register(task: string, handler: JobHandler): void {
    if (this.handlers.has(task)) throw new Error(`a handler for job task "${task}" is already registered`);
    this.handlers.set(task, handler);
  }

  get(task: string): JobHandler | undefined {
    return this.handlers.get(task);
  }

  recordFailuresWith(recorder: JobFailureRecorder): void {
    if (this.failureRecorder) throw new Error('a recorder of failed jobs is already registered');
    this.failureRecorder = recorder;
  }

  /** Records a job that failed for good; without a registered recorder it stays only in the log. */
  async recordFailure(failure: FailedJob): Promise<void> {
    await this.failureRecorder?.(failure);
  }

  tasks(): string[] {
    return [...this.handlers.keys()];
  }
}
