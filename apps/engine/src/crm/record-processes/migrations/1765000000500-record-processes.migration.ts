import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which process a new record of a type starts (an admin setting; packages will declare it too). */
export class RecordProcesses1765000000500 implements MigrationInterface {
  name = 'RecordProcesses1765000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_record_processes (
        record_type text PRIMARY KEY,
        process_key text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_record_processes');
  }
}
