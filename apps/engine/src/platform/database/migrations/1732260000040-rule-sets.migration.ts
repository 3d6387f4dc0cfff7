import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule sets (issue 4): deployed with diagrams, versioned by key like process definitions. A
 * version never changes: `content` is the validated JSON document, `content_hash` the SHA-256
 * of its text, so redeploying identical text returns the existing version.
 */
export class RuleSets1732260000040 implements MigrationInterface {
  name = 'RuleSets1732260000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rule_sets (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        kind text NOT NULL,
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
    await queryRunner.query('DROP TABLE rule_sets');
  }
}
