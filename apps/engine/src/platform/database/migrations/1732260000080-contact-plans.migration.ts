import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact plans (issue 4):
 * - `contact_plans`: `*.contact-plan.json` resources, versioned by key like action templates
 *   (a version never changes; equal text = the existing version);
 * - `contact_plan_starts`: one row per plan started on an instance (primary key: instance and
 *   plan key), written in the transaction that starts the plan together with one job per step,
 *   so a plan starts once per instance even when the starting action is retried;
 * - `action_runs` records a plan step's run too (idempotency key
 *   `<instanceId>:contact-plan:<planKey>:<stepId>`): such a run names the plan version instead
 *   of an action template.
 */
export class ContactPlans1732260000080 implements MigrationInterface {
  name = 'ContactPlans1732260000080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contact_plans (
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
      CREATE TABLE contact_plan_starts (
        process_instance_id uuid NOT NULL,
        plan_key text NOT NULL,
        contact_plan_id uuid NOT NULL REFERENCES contact_plans(id),
        element_id text NOT NULL,
        started_at timestamptz NOT NULL,
        PRIMARY KEY (process_instance_id, plan_key)
      );
      ALTER TABLE action_runs ALTER COLUMN action_template_id DROP NOT NULL;
      ALTER TABLE action_runs ADD COLUMN contact_plan_id uuid REFERENCES contact_plans(id);
      ALTER TABLE action_runs ADD CONSTRAINT action_runs_source_ck CHECK ((action_template_id IS NULL) <> (contact_plan_id IS NULL));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE action_runs DROP CONSTRAINT action_runs_source_ck;
      ALTER TABLE action_runs DROP COLUMN contact_plan_id;
      DELETE FROM action_runs WHERE action_template_id IS NULL;
      ALTER TABLE action_runs ALTER COLUMN action_template_id SET NOT NULL;
      DROP TABLE contact_plan_starts;
      DROP TABLE contact_plans;
    `);
  }
}
