// All SQL of the `engine_nodes` table: a node's heartbeat, which also removes dead nodes and
// releases their job locks through graphile-worker's SQL API (see node-registry.ts), and a
// node's goodbye. Statements go to the engine's pg pool by default (no TypeORM query runner
// for a statement every few hundred milliseconds), or to the caller's connection.
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Queryable } from '../database/queryable.js';
import { rowsOf } from '../database/query-rows.js';
import { toHeartbeat, type Heartbeat, type HeartbeatRow } from './engine-nodes.row.js';
import { JOB_SCHEMA } from './job-sql.js';

export interface HeartbeatRequest {
  nodeId: string;
  /** The node's current graphile-worker pool (none before the runner started). */
  workerPoolIds: readonly string[];
  /** A node whose heartbeat is older than this is dead. */
  deadAfterMs: number;
  /** Pools of this node that stopped: their locks are released now. */
  releasedPoolIds: readonly string[];
  /** Jobs this node's workers run now: their locks are not orphaned, however old. */
  runningJobIds: readonly string[];
}

@Injectable()
export class EngineNodesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /** One statement: the node's heartbeat; dead nodes removed and their job locks released; this node's orphaned locks released. */
  async beat(request: HeartbeatRequest, db: Queryable = this.pool): Promise<Heartbeat | undefined> {
    const rows = rowsOf<HeartbeatRow>(
      await db.query(
        `WITH me AS (
           INSERT INTO engine_nodes (id, worker_pool_ids, started_at, heartbeat_at) VALUES ($1::uuid, $2::text[], now(), now())
           ON CONFLICT (id) DO UPDATE SET worker_pool_ids = EXCLUDED.worker_pool_ids, heartbeat_at = now()
           RETURNING heartbeat_at),
         dead AS (
           DELETE FROM engine_nodes WHERE heartbeat_at < now() - $3::int * interval '1 millisecond' AND id <> $1::uuid
           RETURNING worker_pool_ids),
         unlocked AS (
           SELECT ${JOB_SCHEMA}.force_unlock_workers(ARRAY(SELECT unnest(worker_pool_ids) FROM dead) || $4::text[]) AS done
            WHERE EXISTS (SELECT 1 FROM dead) OR cardinality($4::text[]) > 0),
         orphaned AS (
           UPDATE ${JOB_SCHEMA}._private_jobs SET locked_at = NULL, locked_by = NULL
            WHERE locked_by = ANY($2::text[]) AND locked_at < now() - $3::int * interval '1 millisecond' AND NOT (id = ANY($5::bigint[]))
           RETURNING id)
         SELECT (SELECT heartbeat_at FROM me) AS now, (SELECT count(*) FROM dead) AS dead, (SELECT count(*) FROM unlocked) AS unlocked,
                (SELECT count(*) FROM orphaned) AS orphaned`,
        [request.nodeId, request.workerPoolIds, request.deadAfterMs, request.releasedPoolIds, request.runningJobIds],
      ),
    );
    return rows[0] ? toHeartbeat(rows[0]) : undefined;
  }

  async delete(nodeId: string, db: Queryable = this.pool): Promise<void> {
    await db.query('DELETE FROM engine_nodes WHERE id = $1', [nodeId]);
  }
}
