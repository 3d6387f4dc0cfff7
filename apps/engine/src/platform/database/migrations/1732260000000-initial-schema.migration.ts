import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The engine's first schema: identity, definitions, instances, tasks, incidents, history. */
export class InitialSchema1732260000000 implements MigrationInterface {
  name = 'InitialSchema1732260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        team_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      );
      CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

      CREATE TABLE deployments (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        deployed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE process_definitions (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        resource_name text NOT NULL,
        xml text NOT NULL,
        graph jsonb NOT NULL,
        content_hash text NOT NULL,
        deployment_id uuid NOT NULL REFERENCES deployments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT process_definitions_key_version_uq UNIQUE (key, version)
      );
      CREATE INDEX process_definitions_deployment_idx ON process_definitions (deployment_id);

      CREATE TABLE process_instances (
        id uuid PRIMARY KEY,
        definition_id uuid NOT NULL REFERENCES process_definitions(id),
        definition_key text NOT NULL,
        definition_version integer NOT NULL,
        business_key text,
        status text NOT NULL,
        state jsonb NOT NULL,
        variables jsonb NOT NULL DEFAULT '{}',
        active_element_ids text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        started_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CONSTRAINT process_instances_status_ck CHECK (status IN ('active', 'completed', 'terminated', 'incident', 'cancelled'))
      );
      CREATE INDEX process_instances_key_status_idx ON process_instances (definition_key, status, created_at);
      CREATE INDEX process_instances_status_idx ON process_instances (status, created_at);
      CREATE INDEX process_instances_business_key_idx ON process_instances (business_key) WHERE business_key IS NOT NULL;
      CREATE INDEX process_instances_definition_idx ON process_instances (definition_id);

      CREATE TABLE user_tasks (
        id uuid PRIMARY KEY,
        process_instance_id uuid NOT NULL REFERENCES process_instances(id),
        element_id text NOT NULL,
        name text,
        assignee text,
        candidate_groups text[] NOT NULL DEFAULT '{}',
        due_at timestamptz,
        priority integer,
        form_key text,
        state text NOT NULL,
        variables jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by text,
        CONSTRAINT user_tasks_state_ck CHECK (state IN ('created', 'completed', 'cancelled'))
      );
      CREATE INDEX user_tasks_instance_idx ON user_tasks (process_instance_id);
      CREATE INDEX user_tasks_assignee_idx ON user_tasks (assignee, state, created_at);
      CREATE INDEX user_tasks_state_idx ON user_tasks (state, created_at);
      CREATE INDEX user_tasks_groups_idx ON user_tasks USING gin (candidate_groups);

      CREATE TABLE incidents (
        id uuid PRIMARY KEY,
        process_instance_id uuid NOT NULL REFERENCES process_instances(id),
        element_id text,
        kind text NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      );
      CREATE INDEX incidents_instance_idx ON incidents (process_instance_id);
      CREATE INDEX incidents_open_idx ON incidents (created_at) WHERE resolved_at IS NULL;

      CREATE TABLE history (
        id bigserial PRIMARY KEY,
        process_instance_id uuid NOT NULL,
        element_id text,
        element_type text,
        event text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb
      );
      CREATE INDEX history_instance_idx ON history (process_instance_id, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE history; DROP TABLE incidents; DROP TABLE user_tasks; DROP TABLE process_instances;
      DROP TABLE process_definitions; DROP TABLE deployments; DROP TABLE api_tokens; DROP TABLE users;
      DROP TABLE teams; DROP TABLE settings;
    `);
  }
}
