import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter of rule-set changes (issue 4): every statement that changes `rule_sets` adds one,
 * in its own transaction. Engine nodes cache "the latest version of each key" and read the
 * counter in the statements a command makes anyway (see RuleSetVersions): a deploy on any node
 * is seen by the next command on every node, without a query per command. One row updated by
 * every deploy serialises deploys on it, so a snapshot that sees generation n sees every rule
 * set committed up to n (deploys already take an advisory lock, so this costs them nothing).
 */
export class RuleSetGeneration1732260000100 implements MigrationInterface {
  name = 'RuleSetGeneration1732260000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rule_set_generation (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        generation bigint NOT NULL
      );
      INSERT INTO rule_set_generation (singleton, generation) VALUES (true, 0);
      CREATE FUNCTION rule_set_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE rule_set_generation SET generation = generation + 1;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER rule_sets_bump_generation AFTER INSERT OR UPDATE OR DELETE ON rule_sets
        FOR EACH STATEMENT EXECUTE FUNCTION rule_set_generation_bump();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER rule_sets_bump_generation ON rule_sets;
      DROP FUNCTION rule_set_generation_bump();
      DROP TABLE rule_set_generation;
    `);
  }
}
