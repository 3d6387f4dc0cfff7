import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History rows are only ever read by instance, in order: key the table by
 * (process_instance_id, id) and drop the separate index on the same columns. Every history row
 * (a command writes 5-10) then updates one index instead of two.
 */
export class HistoryKeyedByInstance1732260000001 implements MigrationInterface {
  name = 'HistoryKeyedByInstance1732260000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE history DROP CONSTRAINT history_pkey;
      ALTER TABLE history ADD CONSTRAINT history_pkey PRIMARY KEY (process_instance_id, id);
      DROP INDEX history_instance_idx;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX history_instance_idx ON history (process_instance_id, id);
      ALTER TABLE history DROP CONSTRAINT history_pkey;
      ALTER TABLE history ADD CONSTRAINT history_pkey PRIMARY KEY (id);
    `);
  }
}
