import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suppressions: what is left of an erased person — a keyed hash (HMAC-SHA256, the key a secret in
 * `settings`) of each normalised e-mail and phone — so that a later create of a contact or lead with
 * one of them is refused until an admin lifts the suppression. No readable personal data is kept.
 */
export class PersonalDataSuppressions1765000000201 implements MigrationInterface {
  name = 'PersonalDataSuppressions1765000000201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_suppressions (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('email', 'phone')),
        key_hash text NOT NULL,
        contact_id uuid NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        lifted_at timestamptz,
        lifted_by uuid
      );
      CREATE UNIQUE INDEX crm_suppressions_key_idx ON crm_suppressions (kind, key_hash) WHERE lifted_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_suppressions');
  }
}
