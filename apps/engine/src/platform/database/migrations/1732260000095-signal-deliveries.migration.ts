import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per signal broadcast delivered to an instance, written in the same statement as the
 * deliverSignal command's write. Its primary key makes a delivery job that runs twice (jobs are
 * at least once: a node killed after its commit but before the job was marked done, an
 * orphaned lock released) fail its whole statement instead of delivering the signal again: a
 * non-interrupting signal boundary or event subprocess would otherwise start a second time.
 * A broadcast's deliveries go with it.
 */
export class SignalDeliveries1732260000095 implements MigrationInterface {
  name = 'SignalDeliveries1732260000095';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE signal_deliveries (
        broadcast_id text NOT NULL REFERENCES signal_broadcasts(id) ON DELETE CASCADE,
        process_instance_id uuid NOT NULL REFERENCES process_instances(id),
        delivered_at timestamptz NOT NULL,
        PRIMARY KEY (broadcast_id, process_instance_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE signal_deliveries');
  }
}
