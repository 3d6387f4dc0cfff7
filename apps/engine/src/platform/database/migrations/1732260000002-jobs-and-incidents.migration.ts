import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3: incidents of jobs that ran out of attempts (they keep the job, to queue it again on
 * retry; a job need not belong to an instance), and the heartbeat rows of engine nodes.
 * graphile-worker installs its own schema (`graphile_worker`) with its own migrations.
 */
export class JobsAndIncidents1732260000002 implements MigrationInterface {
  name = 'JobsAndIncidents1732260000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE incidents ALTER COLUMN process_instance_id DROP NOT NULL;
      ALTER TABLE incidents
        ADD COLUMN job_task text,
        ADD COLUMN job_payload jsonb,
        ADD COLUMN job_key text,
        ADD COLUMN job_max_attempts integer,
        ADD COLUMN resolved_by text;

      CREATE TABLE engine_nodes (
        id uuid PRIMARY KEY,
        worker_pool_ids text[] NOT NULL DEFAULT '{}',
        started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE engine_nodes;
      ALTER TABLE incidents DROP COLUMN job_task, DROP COLUMN job_payload, DROP COLUMN job_key, DROP COLUMN job_max_attempts, DROP COLUMN resolved_by;
    `);
  }
}
