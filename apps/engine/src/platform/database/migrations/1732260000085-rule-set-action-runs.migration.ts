import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * (Numbered after contact plans' 1732260000080, whose check constraint it widens.)
 * Actions run by `actions` rule sets on process events (issue 4) are recorded in `action_runs`
 * like those of service tasks and contact plans: each run names the one version it came from.
 */
export class RuleSetActionRuns1732260000085 implements MigrationInterface {
  name = 'RuleSetActionRuns1732260000085';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE action_runs ADD COLUMN rule_set_id uuid REFERENCES rule_sets(id);
      ALTER TABLE action_runs DROP CONSTRAINT action_runs_source_ck;
      ALTER TABLE action_runs ADD CONSTRAINT action_runs_source_ck CHECK (num_nonnulls(action_template_id, contact_plan_id, rule_set_id) = 1);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE action_runs DROP CONSTRAINT action_runs_source_ck;
      DELETE FROM action_runs WHERE rule_set_id IS NOT NULL;
      ALTER TABLE action_runs DROP COLUMN rule_set_id;
      ALTER TABLE action_runs ADD CONSTRAINT action_runs_source_ck CHECK ((action_template_id IS NULL) <> (contact_plan_id IS NULL));
    `);
  }
}
