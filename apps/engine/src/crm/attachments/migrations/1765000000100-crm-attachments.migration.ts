import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files on CRM records (offers, contracts, NDAs), their bytes in PostgreSQL. An attachment hangs on
 * exactly one record, referenced by the column of its type, so that deleting the record deletes its
 * files; the list reads every column but `content`, which PostgreSQL keeps out of line (TOAST).
 */
export class CrmAttachments1765000000100 implements MigrationInterface {
  name = 'CrmAttachments1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_attachments (
        id uuid PRIMARY KEY,
        record_type text NOT NULL CHECK (record_type IN ('organization', 'contact', 'lead', 'opportunity', 'activity')),
        organization_id uuid REFERENCES crm_organizations(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES crm_contacts(id) ON DELETE CASCADE,
        lead_id uuid REFERENCES crm_leads(id) ON DELETE CASCADE,
        opportunity_id uuid REFERENCES crm_opportunities(id) ON DELETE CASCADE,
        activity_id uuid REFERENCES crm_activities(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        uploaded_by_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(organization_id, contact_id, lead_id, opportunity_id, activity_id) = 1)
      );
      ALTER TABLE crm_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
      CREATE INDEX crm_attachments_organization_idx ON crm_attachments (organization_id, created_at) WHERE organization_id IS NOT NULL;
      CREATE INDEX crm_attachments_contact_idx ON crm_attachments (contact_id, created_at) WHERE contact_id IS NOT NULL;
      CREATE INDEX crm_attachments_lead_idx ON crm_attachments (lead_id, created_at) WHERE lead_id IS NOT NULL;
      CREATE INDEX crm_attachments_opportunity_idx ON crm_attachments (opportunity_id, created_at) WHERE opportunity_id IS NOT NULL;
      CREATE INDEX crm_attachments_activity_idx ON crm_attachments (activity_id, created_at) WHERE activity_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_attachments');
  }
}
