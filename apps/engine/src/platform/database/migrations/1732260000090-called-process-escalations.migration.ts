import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalations a called process did not catch, on their way to the parent's call activity.
 * The child's command writes a row per escalation (in its own statement, so none is lost and
 * none appears for a command that lost its race); the parent's command that throws it at the
 * call activity writes its delivery. The delivery's primary key makes a job that runs twice
 * fail its whole statement instead of throwing the escalation a second time (a non-interrupting
 * boundary would start twice). `seq` keeps the order they were thrown in: they are delivered
 * in that order, and all of them before the child's end is reported.
 */
export class CalledProcessEscalations1732260000090 implements MigrationInterface {
  name = 'CalledProcessEscalations1732260000090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE called_process_escalations (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        call_id text NOT NULL REFERENCES called_processes(call_id) ON DELETE CASCADE,
        element_id text NOT NULL,
        escalation_code text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX called_process_escalations_call_idx ON called_process_escalations (call_id, seq);
      CREATE TABLE called_process_escalation_deliveries (
        escalation_id uuid PRIMARY KEY REFERENCES called_process_escalations(id) ON DELETE CASCADE,
        delivered_at timestamptz NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE called_process_escalation_deliveries; DROP TABLE called_process_escalations');
  }
}
