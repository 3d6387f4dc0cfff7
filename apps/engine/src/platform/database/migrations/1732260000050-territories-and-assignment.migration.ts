import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Territories and assignment (issue 4): users carry skills; territories name their team, default
 * owner and actions rule sets; each team has a round-robin cursor (a row moved atomically by
 * the command that assigns, so every node and every restart continue the same sequence); a
 * user task remembers how it was assigned.
 */
export class TerritoriesAndAssignment1732260000050 implements MigrationInterface {
  name = 'TerritoriesAndAssignment1732260000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users ADD COLUMN skills text[] NOT NULL DEFAULT '{}';
      CREATE INDEX users_team_ids_idx ON users USING gin (team_ids);

      CREATE TABLE territories (
        key text PRIMARY KEY,
        name text NOT NULL,
        team_id uuid REFERENCES teams(id),
        default_owner text REFERENCES users(username),
        actions text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX territories_team_idx ON territories (team_id);

      CREATE TABLE team_assignment_cursors (
        team_id uuid PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
        turn bigint NOT NULL
      );

      ALTER TABLE user_tasks ADD COLUMN assignment jsonb;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE user_tasks DROP COLUMN assignment;
      DROP TABLE team_assignment_cursors;
      DROP TABLE territories;
      DROP INDEX users_team_ids_idx;
      ALTER TABLE users DROP COLUMN skills;
    `);
  }
}
