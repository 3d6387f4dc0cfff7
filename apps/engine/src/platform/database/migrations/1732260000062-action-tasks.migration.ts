import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ad-hoc tasks of createTask actions (issue 4) carry a description (a rendered template); user
 * tasks of diagrams have none (their form shows the data).
 */
export class ActionTasks1732260000062 implements MigrationInterface {
  name = 'ActionTasks1732260000062';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE user_tasks ADD COLUMN description text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE user_tasks DROP COLUMN description');
  }
}
