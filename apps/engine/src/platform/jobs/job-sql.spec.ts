import { SqlParams } from '../database/sql-params.js';
import { addJobsSelect, lastPerKey, removeJobsSelect } from './job-sql.js';

describe('job SQL', () => {
  it('given two requests with one key, when deduplicated, then the later one wins and keyless requests all stay', () => {
    const jobs = lastPerKey([
      { task: 'a', payload: { n: 1 }, key: 'k' },
      { task: 'b', payload: {} },
      { task: 'a', payload: { n: 2 }, key: 'k' },
      { task: 'b', payload: {} },
    ]);

    expect(jobs).toEqual([
      { task: 'b', payload: {} },
      { task: 'a', payload: { n: 2 }, key: 'k' },
      { task: 'b', payload: {} },
    ]);
  });

  it('given jobs, when turned into SQL, then those due now go through graphile_worker.add_jobs and those due later through its quiet copy, each under the condition, with one array parameter per column', () => {
    const sql = new SqlParams();
    const text = addJobsSelect(
      sql,
      [
        { task: 't', payload: { a: 1 }, runAt: '2026-01-01T00:00:00Z', key: 'k', maxAttempts: 3 },
        { task: 'u', payload: {} },
      ],
      'EXISTS (SELECT 1 FROM inst)',
    );

    expect(text).toMatch(/graphile_worker\.add_jobs\([\s\S]*WHERE COALESCE\(j\.run_at, now\(\)\) <= now\(\) AND EXISTS \(SELECT 1 FROM inst\)/);
    expect(text).toMatch(/public\.stageflow_add_jobs_later\([\s\S]*WHERE j\.run_at > now\(\) AND EXISTS \(SELECT 1 FROM inst\)/);
    expect(sql.values).toEqual([
      ['t', 'u'],
      ['{"a":1}', '{}'],
      ['2026-01-01T00:00:00Z', null],
      [3, null],
      ['k', null],
    ]);
  });

  it('given jobs none of which has a run time, when turned into SQL, then only graphile_worker.add_jobs is called (no branch for jobs due later)', () => {
    const text = addJobsSelect(
      new SqlParams(),
      [
        { task: 't', payload: {} },
        { task: 'u', payload: {}, key: 'k' },
      ],
      'EXISTS (SELECT 1 FROM inst)',
    );

    expect(text).toMatch(/graphile_worker\.add_jobs\([\s\S]*WHERE COALESCE\(j\.run_at, now\(\)\) <= now\(\) AND EXISTS \(SELECT 1 FROM inst\)/);
    expect(text).not.toContain('stageflow_add_jobs_later');
    expect(text).not.toContain('UNION ALL');
  });

  it('given a job whose payload is not an object, when turned into SQL, then it is refused', () => {
    expect(() => addJobsSelect(new SqlParams(), [{ task: 't', payload: [] as unknown as Record<string, unknown> }])).toThrow(
      /payload of t must be a JSON object/,
    );
  });

  it('given a job with an unparsable runAt, when turned into SQL, then it is refused', () => {
    expect(() => addJobsSelect(new SqlParams(), [{ task: 't', payload: {}, runAt: 'tomorrow' }])).toThrow(/runAt/);
  });

  it('given keys to remove, when turned into SQL, then each distinct key goes through the quiet copy of graphile_worker.remove_job', () => {
    const sql = new SqlParams();
    const text = removeJobsSelect(sql, ['a', 'b', 'a']);

    expect(text).toContain('public.stageflow_remove_job_quietly(k.key)');
    expect(sql.values).toEqual([['a', 'b']]);
  });
});
