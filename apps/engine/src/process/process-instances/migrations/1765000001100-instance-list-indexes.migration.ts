import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The instance explorer's list (GET /process-instances) pages newest first by (created_at, id) with a
 * cursor: an index in that order for each filter it walks — none, a process key, a process version
 * (its definition id; this index also serves what the old definition_id index did) — so a page stops
 * after a page of rows instead of sorting every match. Key + state and state alone keep their
 * (…, status, created_at) indexes. And the live view's "waiting now" count per element of one version
 * reads only the running instances of that version (a partial index: few rows, whatever the history).
 * All on columns a command never changes but `status`, which was indexed already, so updates that
 * leave `status` alone stay HOT.
 */
export class InstanceListIndexes1765000001100 implements MigrationInterface {
  name = 'InstanceListIndexes1765000001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX process_instances_created_idx ON process_instances (created_at, id);
      CREATE INDEX process_instances_key_created_idx ON process_instances (definition_key, created_at, id);
      CREATE INDEX process_instances_definition_created_idx ON process_instances (definition_id, created_at, id);
      DROP INDEX process_instances_definition_idx;
      CREATE INDEX process_instances_running_definition_idx ON process_instances (definition_id) WHERE status IN ('active', 'incident');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX process_instances_running_definition_idx;
      CREATE INDEX process_instances_definition_idx ON process_instances (definition_id);
      DROP INDEX process_instances_definition_created_idx;
      DROP INDEX process_instances_key_created_idx;
      DROP INDEX process_instances_created_idx;
    `);
  }
}
