// A signal broadcast as ONE statement: record the broadcast (its id makes it idempotent), then
// add one deliverSignal job per instance with an open subscription of that name and one start
// job per latest-version signal start event — all committed together, or nothing.
import { Injectable } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DELIVER_SIGNAL_TASK, START_BY_SIGNAL_TASK } from '../correlation/correlation-jobs.js';
import { DEFAULT_MAX_ATTEMPTS } from '../../platform/jobs/job-request.js';
import { JOB_SCHEMA, addJobSpecsSelect } from '../../platform/jobs/job-sql.js';

export interface Broadcast {
  id: string;
  name: string;
  variables: Variables;
  sourceInstanceId: string | null;
  publishedBy: string;
}

export interface BroadcastCounts {
  /** False when a broadcast with this id was already recorded (a job that ran twice): nothing was added. */
  recorded: boolean;
  instances: number;
  starts: number;
}

@Injectable()
export class SignalStoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  async broadcast(broadcast: Broadcast): Promise<BroadcastCounts> {
    const result = await this.pool.query<{ recorded: number; instances: number; starts: number }>(
      `WITH b AS (
         INSERT INTO signal_broadcasts (id, name, variables, source_instance_id, published_by, created_at)
         VALUES ($1::text, $2::text, $3::jsonb, $4::uuid, $5::text, now())
         ON CONFLICT (id) DO NOTHING
         RETURNING id),
       targets AS (
         SELECT DISTINCT s.process_instance_id AS id FROM signal_subscriptions s
          WHERE s.signal_name = $2::text AND EXISTS (SELECT 1 FROM b)),
       starts AS (
         SELECT e.definition_key, e.element_id FROM event_start_events e
          WHERE e.kind = 'signal' AND e.name = $2::text AND EXISTS (SELECT 1 FROM b)
            AND e.definition_version = (SELECT max(d.version) FROM process_definitions d WHERE d.key = e.definition_key)),
       deliver_jobs AS (${addJobSpecsSelect(`
         SELECT ROW('${DELIVER_SIGNAL_TASK}', json_build_object('processInstanceId', t.id, 'signalName', $2::text, 'variables', $3::json, 'broadcastId', $1::text),
                    NULL, now(), ${DEFAULT_MAX_ATTEMPTS}, 'signal:' || $1::text || ':' || t.id, NULL, NULL)::${JOB_SCHEMA}.job_spec
           FROM targets t`)}),
       start_jobs AS (${addJobSpecsSelect(`
         SELECT ROW('${START_BY_SIGNAL_TASK}', json_build_object('definitionKey', s.definition_key, 'startEventId', s.element_id, 'variables', $3::json, 'broadcastId', $1::text),
                    NULL, now(), ${DEFAULT_MAX_ATTEMPTS}, 'signal-start:' || $1::text || ':' || s.definition_key || ':' || s.element_id, NULL, NULL)::${JOB_SCHEMA}.job_spec
           FROM starts s`)})
       SELECT (SELECT count(*)::int FROM b) AS recorded, (SELECT count(*)::int FROM targets) AS instances, (SELECT count(*)::int FROM starts) AS starts,
              (SELECT count(*) FROM deliver_jobs) AS deliver_jobs, (SELECT count(*) FROM start_jobs) AS start_jobs`,
      [broadcast.id, broadcast.name, JSON.stringify(broadcast.variables), broadcast.sourceInstanceId, broadcast.publishedBy],
    );
    const row = result.rows[0];
    return { recorded: (row?.recorded ?? 0) === 1, instances: row?.instances ?? 0, starts: row?.starts ?? 0 };
  }
}
