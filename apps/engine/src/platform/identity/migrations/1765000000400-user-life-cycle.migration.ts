import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the API does to a new username, in SQL: leading and trailing white space removed. */
const TRIMMED = `regexp_replace(username, '^\\s+|\\s+$', '', 'g')`;

/**
 * The users' life cycle and sign-in throttling (issue 10 item 5):
 * - usernames are trimmed and unique case-insensitively (`users_username_lower_key`). A database
 *   that already holds names equal but for case or surrounding spaces (`admin`, `Admin `) is not
 *   guessed at: the migration stops the start-up naming them, and the operator renames or deletes
 *   all but one of each group (SQL below) and starts again. Names with surrounding spaces and no
 *   twin are trimmed (sign-in trims what is typed, so they could not sign in otherwise).
 * - `active`: a deactivated user cannot sign in and their access and API tokens stop working.
 * - `token_epoch`: carried by every access token (`ep`) and compared on every request; changing or
 *   resetting the password or deactivating the user raises it, which ends every session issued before.
 * - `sign_in_throttles`: failed sign-ins per username and per address, shared by all nodes.
 */
export class UserLifeCycle1765000000400 implements MigrationInterface {
  name = 'UserLifeCycle1765000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const twins = (await queryRunner.query(
      `SELECT string_agg(format('%s (%s)', to_json(username)::text, id), ', ' ORDER BY username) AS names
         FROM users GROUP BY lower(${TRIMMED}) HAVING count(*) > 1`,
    )) as { names: string }[];
    if (twins.length > 0) {
      throw new Error(
        `usernames must be unique case-insensitively and without surrounding spaces, but these users would share a name: ` +
          `${twins.map((twin) => twin.names).join('; ')}. Rename or delete all but one of each group ` +
          `(UPDATE users SET username = 'new-name' WHERE id = '<id>'), then start the engine again.`,
      );
    }
    await queryRunner.query(`
      UPDATE users SET username = ${TRIMMED} WHERE username <> ${TRIMMED};
      ALTER TABLE users
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN token_epoch integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT users_username_trimmed CHECK (username = ${TRIMMED} AND username <> '');
      CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
      CREATE TABLE sign_in_throttles (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE sign_in_throttles;
      DROP INDEX users_username_lower_key;
      ALTER TABLE users DROP CONSTRAINT users_username_trimmed, DROP COLUMN token_epoch, DROP COLUMN active;
    `);
  }
}
