// SQL fragments that add and remove jobs INSIDE another statement, through graphile-worker's
// own SQL API (`graphile_worker.add_jobs`, and for jobs due later and removals its copies
// without NOTIFY, quiet-job-functions.ts). This is why the
// engine can write a command's state and its jobs as one statement: the jobs commit or roll
// back with the state, and run times default to the database's `now()`.
import type { SqlParams } from '../database/sql-params.js';
import { DEFAULT_MAX_ATTEMPTS, assertJobRequest, type JobRequest } from './job-request.js';
import { ADD_JOBS_LATER, REMOVE_JOB_QUIETLY } from './quiet-job-functions.js';

/** The schema graphile-worker installs its tables and functions in. */
export const JOB_SCHEMA = 'graphile_worker';

/**
 * Of several requests with one key, the last wins (graphile-worker's upsert cannot touch one
 * key twice in a statement); requests without a key are all kept.
 */
export function lastPerKey(jobs: readonly JobRequest[]): JobRequest[] {
  const lastIndex = new Map<string, number>();
  jobs.forEach((job, index) => {
    if (job.key !== undefined) lastIndex.set(job.key, index);
  });
  return jobs.filter((job, index) => job.key === undefined || lastIndex.get(job.key) === index);
}

/**
 * A SELECT adding `jobs` when `condition` holds, one row per job added; use it as a CTE
 * (`new_jobs AS (${addJobsSelect(...)})`) and reference that CTE from the main query, or
 * PostgreSQL never runs it (only data-modifying CTEs run unreferenced).
 */
export function addJobsSelect(sql: SqlParams, jobs: readonly JobRequest[], condition = 'true'): string {
  const unique = lastPerKey(jobs);
  unique.forEach(assertJobRequest);
  const tasks = sql.add(unique.map((j) => j.task));
  const payloads = sql.add(unique.map((j) => JSON.stringify(j.payload)));
  const runAts = sql.add(unique.map((j) => j.runAt ?? null));
  const maxAttempts = sql.add(unique.map((j) => j.maxAttempts ?? null));
  const keys = sql.add(unique.map((j) => j.key ?? null));
  const specs = (due: string): string => `
      SELECT ROW(j.task, j.payload, NULL, COALESCE(j.run_at, now()), COALESCE(j.max_attempts, ${DEFAULT_MAX_ATTEMPTS}), j.key, NULL, NULL)::${JOB_SCHEMA}.job_spec
        FROM unnest(${tasks}::text[], ${payloads}::json[], ${runAts}::timestamptz[], ${maxAttempts}::int[], ${keys}::text[])
          WITH ORDINALITY AS j(task, payload, run_at, max_attempts, key, n)
       WHERE ${due} AND ${condition}
       ORDER BY j.n`;
  // Due now: graphile-worker's add_jobs, whose NOTIFY wakes an idle worker at once. Due later:
  // the same without the NOTIFY (quiet-job-functions.ts), found by the poll when due. Jobs
  // without a run time are all due now: their statement gets that branch alone (PostgreSQL
  // sets up every branch of a statement each time it runs, even one that finds nothing).
  const dueNow = addJobSpecsSelect(specs('COALESCE(j.run_at, now()) <= now()'));
  if (unique.every((job) => job.runAt === undefined)) return dueNow;
  return `${dueNow}
    UNION ALL ${addJobSpecsSelect(specs('j.run_at > now()'), ADD_JOBS_LATER)}`;
}

/**
 * A SELECT adding the job specs (`…::job_spec` rows) that `specs` yields, one row per job added;
 * use it as a CTE and reference it. add_jobs is called only when `specs` yields a job:
 * graphile-worker's add_jobs sends a NOTIFY even for an empty array, and a transaction that
 * notifies takes PostgreSQL's database-wide notification lock until its commit has been
 * flushed, so the commits of such commands queue one behind the other (docs/jobs.md).
 */
export function addJobSpecsSelect(specs: string, addJobs = `${JOB_SCHEMA}.add_jobs`): string {
  return `SELECT ${addJobs}(s.specs) AS job FROM (SELECT ARRAY(${specs}) AS specs) AS s WHERE cardinality(s.specs) > 0`;
}

/**
 * A SELECT removing the jobs with these keys when `condition` holds. A job already running is
 * not interrupted: graphile-worker clears its key and lets it finish without retries, so a
 * handler must tolerate a cause that is gone (a timer no longer waiting is a no-op).
 */
export function removeJobsSelect(sql: SqlParams, keys: readonly string[], condition = 'true'): string {
  // graphile-worker's remove_job minus its NOTIFY (count -1, which workers ignore).
  return `SELECT ${REMOVE_JOB_QUIETLY}(k.key) AS job FROM unnest(${sql.add([...new Set(keys)])}::text[]) AS k(key) WHERE ${condition}`;
}
