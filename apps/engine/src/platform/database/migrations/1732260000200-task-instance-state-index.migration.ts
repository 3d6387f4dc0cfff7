import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tasks of an instance by state, newest first (`GET /tasks?processInstanceId=…&state=created`,
 * the task a client completes next), from one index that also gives the order. With the
 * instance alone in the index, a generic plan of that prepared query made while the table was
 * small or without statistics (a fresh database under load, until autovacuum's first ANALYZE)
 * read the state index backwards instead, or ANDed the two — whose `created` range holds an
 * entry for every task created since the last vacuum: a read of one row that grew with the
 * table. With the instance, state and order in one index, that index is the cheapest plan
 * whatever the statistics (task-query-plans.e2e-spec). Cancelling an ended instance's open
 * tasks uses its first column.
 */
export class TaskInstanceStateIndex1732260000200 implements MigrationInterface {
  name = 'TaskInstanceStateIndex1732260000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX user_tasks_instance_state_idx ON user_tasks (process_instance_id, state, created_at);
      DROP INDEX user_tasks_instance_idx;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX user_tasks_instance_idx ON user_tasks (process_instance_id);
      DROP INDEX user_tasks_instance_state_idx;
    `);
  }
}
