import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lead's campaign becomes a reference to `crm_campaigns` (`campaign_id`) instead of a free text.
 * Each old value is converted: the id of a campaign, or the name of exactly one campaign (trimmed,
 * case-insensitive), becomes the reference; any other value (unknown, or a name several campaigns
 * share) moves to `source_list` when that is empty — else it stays only in the history. Each lead
 * changed gets a history entry (source `system`) with the old and new values, so nothing is lost.
 * A campaign with leads cannot be deleted (RESTRICT: the API answers 409).
 */
export class LeadCampaignReference1765000000750 implements MigrationInterface {
  name = 'LeadCampaignReference1765000000750';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE crm_leads ADD COLUMN campaign_id uuid REFERENCES crm_campaigns(id) ON DELETE RESTRICT;
      CREATE INDEX crm_leads_campaign_idx ON crm_leads (campaign_id) WHERE campaign_id IS NOT NULL;

      CREATE TEMPORARY TABLE lead_campaigns ON COMMIT DROP AS
        SELECT l.id, l.campaign AS old, l.source_list IS NULL AS list_free,
               COALESCE(
                 (SELECT c.id FROM crm_campaigns c WHERE c.id::text = lower(btrim(l.campaign))),
                 (SELECT min(c.id::text)::uuid FROM crm_campaigns c WHERE lower(btrim(c.name)) = lower(btrim(l.campaign))
                  HAVING count(*) = 1)
               ) AS campaign_id
          FROM crm_leads l
         WHERE l.campaign IS NOT NULL;

      UPDATE crm_leads l
         SET campaign_id = m.campaign_id,
             source_list = CASE WHEN m.campaign_id IS NULL AND m.list_free THEN m.old ELSE l.source_list END,
             version = l.version + 1,
             updated_at = now()
        FROM lead_campaigns m
       WHERE m.id = l.id;

      INSERT INTO crm_record_history (record_type, record_id, actor_id, actor_name, source, source_name, reason, changes)
      SELECT 'lead', m.id, NULL, 'engine', 'system', 'migration ${this.name}',
             'the campaign became a reference to a campaign (matched by id or name; else kept in sourceList when empty)',
             jsonb_build_array(jsonb_build_object('field', 'campaign', 'old', m.old, 'new', NULL))
               || CASE
                    WHEN m.campaign_id IS NOT NULL THEN jsonb_build_array(jsonb_build_object('field', 'campaignId', 'old', NULL, 'new', m.campaign_id))
                    WHEN m.list_free THEN jsonb_build_array(jsonb_build_object('field', 'sourceList', 'old', NULL, 'new', m.old))
                    ELSE '[]'::jsonb
                  END
        FROM lead_campaigns m;

      ALTER TABLE crm_leads DROP COLUMN campaign;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to text: the campaign's name (what a seller would have typed); the moved sourceList values stay.
    await queryRunner.query(`
      ALTER TABLE crm_leads ADD COLUMN campaign text;
      UPDATE crm_leads l SET campaign = c.name FROM crm_campaigns c WHERE c.id = l.campaign_id;
      ALTER TABLE crm_leads DROP COLUMN campaign_id;
    `);
  }
}
