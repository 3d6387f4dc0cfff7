import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running actions (issue 4):
 * - `action_runs`: one row per run of an action, keyed by its idempotency key
 *   (`<instanceId>:<actionId>`), inserted in the same transaction as the action's own writes
 *   (a task, a notification, an outbox row) and holding the outcome, so a retried job never
 *   runs the action twice and reports the recorded outcome to the instance instead;
 * - `notifications`: in-app notifications per user (notifyUser);
 * - `user_tasks.source`: `bpmn` for user tasks of the diagram, `action` for ad-hoc tasks that a
 *   createTask action put on the instance's task list (no token waits for them).
 */
export class ActionRuns1732260000061 implements MigrationInterface {
  name = 'ActionRuns1732260000061';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_runs (
        idempotency_key text PRIMARY KEY,
        process_instance_id uuid NOT NULL,
        element_id text,
        action_key text NOT NULL,
        action_template_id uuid NOT NULL REFERENCES action_templates(id),
        action_type text NOT NULL,
        outcome jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX action_runs_instance_idx ON action_runs (process_instance_id);
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        message text NOT NULL,
        process_instance_id uuid,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (username, created_at DESC);
      ALTER TABLE user_tasks ADD COLUMN source text NOT NULL DEFAULT 'bpmn';
      ALTER TABLE user_tasks ADD CONSTRAINT user_tasks_source_ck CHECK (source IN ('bpmn', 'action'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE user_tasks DROP CONSTRAINT user_tasks_source_ck;
      ALTER TABLE user_tasks DROP COLUMN source;
      DROP TABLE notifications;
      DROP TABLE action_runs;
    `);
  }
}
