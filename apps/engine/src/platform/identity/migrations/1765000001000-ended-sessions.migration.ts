import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions that were signed out (issue 13): a session's token stays valid until it
 * expires, so sign-out records its id here and every request of a session checks it. A row is
 * needed only until the token's own expiry (`expires_at`); sign-outs delete the expired ones.
 */
export class EndedSessions1765000001000 implements MigrationInterface {
  name = 'EndedSessions1765000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ended_sessions (
        session_id uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX ended_sessions_expires_at ON ended_sessions (expires_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ended_sessions`);
  }
}
