import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action templates (`*.action.json`) and liquid templates (`*.liquid`), issue 4: deployed with
 * diagrams and rule sets, versioned by key the same way. A version never changes; `content_hash`
 * (SHA-256 of the resource text) makes redeploying identical text return the existing version.
 * Liquid templates are what `sendEmail.template` and `{% include %}` may name: the engine renders
 * from these rows (held in memory), never from files.
 */
export class ActionTemplates1732260000060 implements MigrationInterface {
  name = 'ActionTemplates1732260000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_templates (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        action_type text NOT NULL,
        resource_name text NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        deployment_id uuid NOT NULL REFERENCES deployments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      );
      CREATE TABLE liquid_templates (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        resource_name text NOT NULL,
        content text NOT NULL,
        content_hash text NOT NULL,
        deployment_id uuid NOT NULL REFERENCES deployments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE liquid_templates; DROP TABLE action_templates');
  }
}
