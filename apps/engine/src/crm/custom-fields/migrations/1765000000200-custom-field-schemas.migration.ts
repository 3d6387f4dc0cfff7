import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The custom-field schemas of the CRM's record types, deployed as `<type>.fields.json` and
 * versioned like rule sets: one row per version of a record type's schema, immutable. The latest
 * version of a type is the one in force for its records' `custom` object.
 */
export class CustomFieldSchemas1765000000200 implements MigrationInterface {
  name = 'CustomFieldSchemas1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_custom_field_schemas (
        id uuid PRIMARY KEY,
        record_type text NOT NULL,
        version integer NOT NULL,
        name text,
        resource_name text NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        deployment_id uuid NOT NULL REFERENCES deployments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (record_type, version)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_custom_field_schemas');
  }
}
