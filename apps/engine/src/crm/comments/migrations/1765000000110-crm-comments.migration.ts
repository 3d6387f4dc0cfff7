import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on CRM records, with the users their @mentions notified. A comment hangs on exactly one
 * record, referenced by the column of its type (deleting the record deletes its comments).
 */
export class CrmComments1765000000110 implements MigrationInterface {
  name = 'CrmComments1765000000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_comments (
        id uuid PRIMARY KEY,
        record_type text NOT NULL CHECK (record_type IN ('organization', 'contact', 'lead', 'opportunity', 'activity')),
        organization_id uuid REFERENCES crm_organizations(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES crm_contacts(id) ON DELETE CASCADE,
        lead_id uuid REFERENCES crm_leads(id) ON DELETE CASCADE,
        opportunity_id uuid REFERENCES crm_opportunities(id) ON DELETE CASCADE,
        activity_id uuid REFERENCES crm_activities(id) ON DELETE CASCADE,
        body text NOT NULL,
        notified text[] NOT NULL DEFAULT '{}',
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(organization_id, contact_id, lead_id, opportunity_id, activity_id) = 1)
      );
      CREATE INDEX crm_comments_organization_idx ON crm_comments (organization_id, created_at DESC, id) WHERE organization_id IS NOT NULL;
      CREATE INDEX crm_comments_contact_idx ON crm_comments (contact_id, created_at DESC, id) WHERE contact_id IS NOT NULL;
      CREATE INDEX crm_comments_lead_idx ON crm_comments (lead_id, created_at DESC, id) WHERE lead_id IS NOT NULL;
      CREATE INDEX crm_comments_opportunity_idx ON crm_comments (opportunity_id, created_at DESC, id) WHERE opportunity_id IS NOT NULL;
      CREATE INDEX crm_comments_activity_idx ON crm_comments (activity_id, created_at DESC, id) WHERE activity_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_comments');
  }
}
