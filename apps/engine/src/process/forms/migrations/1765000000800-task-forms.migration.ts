import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task forms (`<key>.form.json`, issue 12): deployed with diagrams, versioned by key like action
 * templates. A version never changes; `content_hash` (SHA-256 of the resource text) makes
 * redeploying identical text return the existing version. A user task's stageflow:formKey names
 * one; the task view carries its latest version and a completion is checked against it.
 */
export class TaskForms1765000000800 implements MigrationInterface {
  name = 'TaskForms1765000000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE task_forms (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        resource_name text NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        deployment_id uuid NOT NULL REFERENCES deployments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE task_forms');
  }
}
