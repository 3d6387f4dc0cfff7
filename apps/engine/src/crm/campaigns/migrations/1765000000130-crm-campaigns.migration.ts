import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Marketing campaigns: a channel (lead-channels catalog), a budget and the dates they run (admins and managers edit them). */
export class CrmCampaigns1765000000130 implements MigrationInterface {
  name = 'CrmCampaigns1765000000130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_campaigns (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        channel text NOT NULL,
        description text,
        budget numeric(20, 2) CHECK (budget >= 0),
        currency text,
        starts_on date,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (budget IS NULL OR currency IS NOT NULL),
        CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
      );
      CREATE INDEX crm_campaigns_starts_idx ON crm_campaigns (starts_on DESC NULLS LAST, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_campaigns');
  }
}
