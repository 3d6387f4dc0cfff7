import { withoutNotify } from './quiet-job-functions.js';

const REMOVE_JOB = `CREATE OR REPLACE FUNCTION graphile_worker.remove_job(job_key text)
 RETURNS graphile_worker._private_jobs
 LANGUAGE plpgsql
 STRICT
AS $function$
begin
  delete from graphile_worker._private_jobs as jobs where key = job_key returning * into v_job;
  if not (v_job is null) then
    perform pg_notify('jobs:insert', '{"r":' || random()::text || ',"count":-1}');
    return v_job;
  end if;
end;
$function$
`;

describe('withoutNotify', () => {
  it("given graphile-worker's function with one NOTIFY, then the quiet copy has its own name and everything but that statement", () => {
    const quiet = withoutNotify(REMOVE_JOB, 'graphile_worker.remove_job', 'public.quiet_remove');

    expect(quiet).toBe(
      REMOVE_JOB.replace('FUNCTION graphile_worker.remove_job(', 'FUNCTION public.quiet_remove(').replace(
        `\n    perform pg_notify('jobs:insert', '{"r":' || random()::text || ',"count":-1}');`,
        '',
      ),
    );
    expect(quiet).not.toContain('pg_notify');
  });

  it('given a definition without a NOTIFY, with two, or of another function, then there is no quiet copy (the engine falls back to the original)', () => {
    const twice = REMOVE_JOB.replace('return v_job;', "perform pg_notify('jobs:insert', '');\n    return v_job;");

    expect(withoutNotify(REMOVE_JOB.replace(/\n\s*perform pg_notify[^;]*;/, ''), 'graphile_worker.remove_job', 'public.q')).toBeUndefined();
    expect(withoutNotify(twice, 'graphile_worker.remove_job', 'public.q')).toBeUndefined();
    expect(withoutNotify(REMOVE_JOB, 'graphile_worker.add_jobs', 'public.q')).toBeUndefined();
  });
});
