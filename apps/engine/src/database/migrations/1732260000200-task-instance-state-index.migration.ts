import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tasks of an instance by state (`GET /tasks?processInstanceId=…&state=created`, the task
 * a client completes next) from one index. With the instance alone in the index, PostgreSQL's
 * generic plan for that prepared query could AND it with the state index, whose `created`
 * range holds an entry for every task created since the last vacuum (completing a task adds a
 * `completed` entry; the old one stays until vacuum): a read of one row that grew with the
 * table. The cancelling of an ended instance's open tasks uses the same index's first column.
 */
export class TaskInstanceStateIndex1732260000200 implements MigrationInterface {
  name = 'TaskInstanceStateIndex1732260000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX user_tasks_instance_state_idx ON user_tasks (process_instance_id, state);
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
