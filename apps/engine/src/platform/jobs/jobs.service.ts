// Adding and removing jobs outside an instance command: in a statement of their own, or on a
// connection the caller holds inside its own transaction (so a write and its jobs commit
// together). To add jobs INSIDE a single statement, embed addJobsSelect/removeJobsSelect.
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Queryable } from '../database/queryable.js';
import { SqlParams } from '../database/sql-params.js';
import type { JobRequest } from './job-request.js';
import { addJobsSelect, removeJobsSelect } from './job-sql.js';

@Injectable()
export class JobsService {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /** Adds jobs; with `db`, on that connection (inside the caller's transaction). */
  async add(jobs: readonly JobRequest[], db: Queryable = this.pool): Promise<void> {
    if (jobs.length === 0) return;
    const sql = new SqlParams();
    const text = addJobsSelect(sql, jobs);
    await db.query(`SELECT count(*) FROM (${text}) AS added`, sql.values);
  }

  /** Removes the unstarted jobs with these keys (a running one finishes, without retries). */
  async remove(keys: readonly string[], db: Queryable = this.pool): Promise<void> {
    if (keys.length === 0) return;
    const sql = new SqlParams();
    const text = removeJobsSelect(sql, keys);
    await db.query(`SELECT count(*) FROM (${text}) AS removed`, sql.values);
  }
}
