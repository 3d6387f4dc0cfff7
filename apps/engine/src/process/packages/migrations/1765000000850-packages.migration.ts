import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Process packages (issue 12): a package, its deployed versions (manifest, archive, what each
 * deployed), its parameter versions (every change kept with who, when, old and new), and which
 * package each process definition belongs to. An instance keeps the package and the parameter
 * version it started with (`process_instances.package_name`, `.parameter_version`): the values
 * are immutable per version, so a command needs no query for them (process/packages/instance-parameters.ts).
 */
export class Packages1765000000850 implements MigrationInterface {
  name = 'Packages1765000000850';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE packages (
        name text PRIMARY KEY,
        -- The version whose resources are the latest: deployed last, or rolled back to.
        active_version text NOT NULL,
        -- The package's current parameter version (package_parameter_versions.version).
        parameter_version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE package_versions (
        package_name text NOT NULL REFERENCES packages (name),
        version text NOT NULL,
        manifest jsonb NOT NULL,
        archive bytea NOT NULL,
        content_hash text NOT NULL,
        deployment_id uuid NOT NULL,
        -- What the version deployed: the definitions, rule sets, templates... with their versions.
        deployed jsonb NOT NULL,
        deployed_by text,
        deployed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (package_name, version)
      );
      CREATE TABLE package_parameter_versions (
        package_name text NOT NULL REFERENCES packages (name),
        version int NOT NULL,
        -- The package version whose parameter schema these values satisfy.
        package_version text NOT NULL,
        "values" jsonb NOT NULL,
        -- The parameters declared live at this version: running instances read them current.
        live text[] NOT NULL,
        reason text NOT NULL CHECK (reason IN ('deploy', 'update', 'rollback')),
        -- The changed parameters only: their values before and after.
        old jsonb NOT NULL,
        new jsonb NOT NULL,
        changed_by text,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (package_name, version)
      );
      CREATE TABLE package_definitions (
        definition_id uuid PRIMARY KEY REFERENCES process_definitions (id),
        package_name text NOT NULL REFERENCES packages (name)
      );
      ALTER TABLE process_instances ADD COLUMN package_name text, ADD COLUMN parameter_version int;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE process_instances DROP COLUMN package_name, DROP COLUMN parameter_version;
      DROP TABLE package_definitions;
      DROP TABLE package_parameter_versions;
      DROP TABLE package_versions;
      DROP TABLE packages;
    `);
  }
}
