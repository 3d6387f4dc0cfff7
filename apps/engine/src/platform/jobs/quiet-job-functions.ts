// graphile-worker's add_jobs and remove_job without their NOTIFY, for the jobs that gain nothing
// from one. A transaction that notifies holds PostgreSQL's database-wide notification lock until
// its commit is flushed, so commands that notify commit one at a time (docs/jobs.md: engine
// timer starts 204/s with it, 582/s without). The NOTIFY only wakes idle workers to fetch at
// once: for a job due later (a timer) that fetch finds nothing and the job is found by the poll
// either way, and a removal's notification (count -1) is ignored by the workers.
//
// The functions are derived at every start, after graphile-worker's migrations, from the
// definitions installed in the database: the same body minus its one `perform pg_notify(...)`,
// so they follow graphile-worker's upgrades. When a definition no longer has exactly one such
// statement, the engine's function calls graphile-worker's own (correct, just not quiet).
import type { Queryable } from '../database/queryable.js';
import { rowsOf } from '../database/query-rows.js';

/** Adds jobs that are due later (run_at in the future); same arguments and rows as graphile_worker.add_jobs. */
export const ADD_JOBS_LATER = 'public.stageflow_add_jobs_later';
/** Removes the job with a key; same argument and row as graphile_worker.remove_job. */
export const REMOVE_JOB_QUIETLY = 'public.stageflow_remove_job_quietly';

const NOTIFY_STATEMENT = /\n[ \t]*perform pg_notify\([^;]*\);/gi;

/**
 * `definition` (pg_get_functiondef of `schema.original`) as the definition of `quietName`
 * without its NOTIFY; undefined unless it has exactly one `perform pg_notify(...)`.
 */
export function withoutNotify(definition: string, original: string, quietName: string): string | undefined {
  const header = `CREATE OR REPLACE FUNCTION ${original}(`;
  const notifies = definition.match(NOTIFY_STATEMENT) ?? [];
  if (!definition.startsWith(header) || notifies.length !== 1) return undefined;
  return `CREATE OR REPLACE FUNCTION ${quietName}(${definition.slice(header.length)}`.replace(notifies[0]!, '');
}

interface QuietFunction {
  quietName: string;
  original: string;
  /** The function calling graphile-worker's own, when the derivation does not match. */
  fallback: string;
}

function quietFunctions(schema: string): QuietFunction[] {
  return [
    {
      quietName: ADD_JOBS_LATER,
      original: `${schema}.add_jobs`,
      fallback: `CREATE OR REPLACE FUNCTION ${ADD_JOBS_LATER}(specs ${schema}.job_spec[], job_key_preserve_run_at boolean DEFAULT false)
        RETURNS SETOF ${schema}._private_jobs LANGUAGE sql AS $$ SELECT * FROM ${schema}.add_jobs(specs, job_key_preserve_run_at) $$`,
    },
    {
      quietName: REMOVE_JOB_QUIETLY,
      original: `${schema}.remove_job`,
      fallback: `CREATE OR REPLACE FUNCTION ${REMOVE_JOB_QUIETLY}(job_key text)
        RETURNS ${schema}._private_jobs LANGUAGE sql STRICT AS $$ SELECT * FROM ${schema}.remove_job(job_key) $$`,
    },
  ];
}

/**
 * Creates (or replaces) the quiet functions; run after graphile-worker's migrations, under the
 * migration lock. Returns the functions that fell back to graphile-worker's own (for a warning).
 */
export async function installQuietJobFunctions(db: Queryable, schema: string): Promise<string[]> {
  const fellBack: string[] = [];
  for (const fn of quietFunctions(schema)) {
    const definition =
      rowsOf<{ definition: string }>(await db.query('SELECT pg_get_functiondef($1::regproc) AS definition', [fn.original]))[0]?.definition ?? '';
    const quiet = withoutNotify(definition, fn.original, fn.quietName);
    if (quiet === undefined) fellBack.push(fn.original);
    await db.query(quiet ?? fn.fallback);
  }
  return fellBack;
}
