// `deployments` (always on the deployment's transaction), and the lock a deployment's transaction holds: one deployment at a time, so
// version numbers have no gaps across nodes.
import { Injectable } from '@nestjs/common';
import { rowsOf } from '../../platform/database/query-rows.js';
import { JOB_SCHEMA } from '../../platform/jobs/job-sql.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { DeploymentRow } from './deployment.row.js';

@Injectable()
export class DeploymentsRepository {
  /** Takes the deployments' lock until `tx` ends. */
  async lock(tx: Queryable): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('stageflow.deployments'))`);
  }

  async byId(id: string, tx: Queryable): Promise<DeploymentRow | undefined> {
    return rowsOf<DeploymentRow>(await tx.query('SELECT id, name, deployed_by, created_at FROM deployments WHERE id = $1', [id]))[0];
  }

  /** Inserts the deployment; its time (the transaction's start, the database clock). */
  async insert(row: Omit<DeploymentRow, 'created_at'>, tx: Queryable): Promise<Date | undefined> {
    return rowsOf<{ created_at: Date }>(
      await tx.query('INSERT INTO deployments (id, name, deployed_by) VALUES ($1, $2, $3) RETURNING created_at', [row.id, row.name, row.deployed_by]),
    )[0]?.created_at;
  }

  /**
   * Removes the pending jobs whose key starts with one of `prefixes` (a previous version's timer
   * starts). The jobs belong to platform/jobs, whose JobsService removes by whole key only.
   */
  async removeJobsWithKeyPrefixes(prefixes: readonly string[], tx: Queryable): Promise<void> {
    await tx.query(
      `SELECT count(${JOB_SCHEMA}.remove_job(j.key)) FROM ${JOB_SCHEMA}.jobs j WHERE j.key LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) AS p)`,
      [prefixes],
    );
  }
}
