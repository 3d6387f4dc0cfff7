import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CRM's records (organizations, contacts, leads, opportunities, activities), their history and
 * the editable catalogs. Each record table has its fields (libs/api-contract records/record-types.ts,
 * as they were at this migration), ownership (owner, team queue), custom fields (jsonb), a version
 * and the keys the engine derives on every write for search and duplicates: the normalised search
 * text (trigram index), e-mail and phone keys (GIN) and the legal id key.
 */
export class CrmRecords1765000000000 implements MigrationInterface {
  name = 'CrmRecords1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      CREATE TABLE crm_catalog_values (
        catalog text NOT NULL,
        key text NOT NULL,
        label text NOT NULL,
        position integer NOT NULL DEFAULT 0,
        retired boolean NOT NULL DEFAULT false,
        PRIMARY KEY (catalog, key)
      );

      CREATE TABLE crm_organizations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        legal_id text,
        industry text,
        category text,
        relation_type text,
        addresses jsonb,
        phones text[],
        emails text[],
        website text,
        territory text,
        parent_id uuid REFERENCES crm_organizations(id) ON DELETE SET NULL,
        owner_id uuid REFERENCES users(id),
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        custom jsonb NOT NULL DEFAULT '{}',
        search_text text NOT NULL DEFAULT '',
        email_keys text[] NOT NULL DEFAULT '{}',
        phone_keys text[] NOT NULL DEFAULT '{}',
        legal_id_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE crm_contacts (
        id uuid PRIMARY KEY,
        first_name text,
        last_name text NOT NULL,
        category text,
        phones text[],
        emails text[],
        preferred_channel text,
        consent_email boolean,
        consent_phone boolean,
        consent_sms boolean,
        territory text,
        owner_id uuid REFERENCES users(id),
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        custom jsonb NOT NULL DEFAULT '{}',
        search_text text NOT NULL DEFAULT '',
        email_keys text[] NOT NULL DEFAULT '{}',
        phone_keys text[] NOT NULL DEFAULT '{}',
        legal_id_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE crm_leads (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        channel text NOT NULL,
        request_type text,
        campaign text,
        landing_page text,
        source_list text,
        source_network text,
        products text,
        contact_name text,
        emails text[],
        phones text[],
        budget numeric(20, 2),
        authority text,
        need text,
        timeline date,
        classification text,
        status text,
        contact_id uuid REFERENCES crm_contacts(id) ON DELETE SET NULL,
        organization_id uuid REFERENCES crm_organizations(id) ON DELETE SET NULL,
        territory text,
        owner_id uuid REFERENCES users(id),
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        custom jsonb NOT NULL DEFAULT '{}',
        search_text text NOT NULL DEFAULT '',
        email_keys text[] NOT NULL DEFAULT '{}',
        phone_keys text[] NOT NULL DEFAULT '{}',
        legal_id_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE crm_opportunities (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        value numeric(20, 2),
        currency text,
        expected_decision_date date,
        probability integer,
        stage text,
        next_contact_at timestamptz,
        organization_id uuid REFERENCES crm_organizations(id) ON DELETE SET NULL,
        contact_id uuid REFERENCES crm_contacts(id) ON DELETE SET NULL,
        lead_id uuid REFERENCES crm_leads(id) ON DELETE SET NULL,
        outcome text,
        lost_reason text,
        outcome_comment text,
        owner_id uuid REFERENCES users(id),
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        custom jsonb NOT NULL DEFAULT '{}',
        search_text text NOT NULL DEFAULT '',
        email_keys text[] NOT NULL DEFAULT '{}',
        phone_keys text[] NOT NULL DEFAULT '{}',
        legal_id_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE crm_activities (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        subject text NOT NULL,
        body text,
        organization_id uuid REFERENCES crm_organizations(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES crm_contacts(id) ON DELETE CASCADE,
        lead_id uuid REFERENCES crm_leads(id) ON DELETE CASCADE,
        opportunity_id uuid REFERENCES crm_opportunities(id) ON DELETE CASCADE,
        due_at timestamptz,
        done boolean,
        outcome text,
        next_contact_at timestamptz,
        owner_id uuid REFERENCES users(id),
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        custom jsonb NOT NULL DEFAULT '{}',
        search_text text NOT NULL DEFAULT '',
        email_keys text[] NOT NULL DEFAULT '{}',
        phone_keys text[] NOT NULL DEFAULT '{}',
        legal_id_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE crm_record_history (
        id bigserial PRIMARY KEY,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_name text NOT NULL,
        source text NOT NULL CHECK (source IN ('user', 'import', 'rule', 'process', 'system')),
        source_name text,
        reason text,
        changes jsonb NOT NULL
      );
      CREATE INDEX crm_record_history_record_idx ON crm_record_history (record_type, record_id, id DESC);
    `);
    for (const table of ['crm_organizations', 'crm_contacts', 'crm_leads', 'crm_opportunities', 'crm_activities']) {
      await queryRunner.query(`
        CREATE INDEX ${table}_owner_idx ON ${table} (owner_id, created_at, id);
        CREATE INDEX ${table}_team_idx ON ${table} (team_id, created_at, id) WHERE owner_id IS NULL;
        CREATE INDEX ${table}_created_idx ON ${table} (created_at, id);
        CREATE INDEX ${table}_search_idx ON ${table} USING gin (search_text gin_trgm_ops);
        CREATE INDEX ${table}_email_keys_idx ON ${table} USING gin (email_keys);
        CREATE INDEX ${table}_phone_keys_idx ON ${table} USING gin (phone_keys);
      `);
    }
    await queryRunner.query(`
      CREATE INDEX crm_organizations_legal_id_key_idx ON crm_organizations (legal_id_key) WHERE legal_id_key IS NOT NULL;
      CREATE INDEX crm_opportunities_stage_idx ON crm_opportunities (stage, owner_id) WHERE outcome IS NULL;
      CREATE INDEX crm_activities_organization_idx ON crm_activities (organization_id) WHERE organization_id IS NOT NULL;
      CREATE INDEX crm_activities_contact_idx ON crm_activities (contact_id) WHERE contact_id IS NOT NULL;
      CREATE INDEX crm_activities_lead_idx ON crm_activities (lead_id) WHERE lead_id IS NOT NULL;
      CREATE INDEX crm_activities_opportunity_idx ON crm_activities (opportunity_id) WHERE opportunity_id IS NOT NULL;
      CREATE INDEX crm_activities_due_idx ON crm_activities (owner_id, due_at) WHERE done IS NOT TRUE;
    `);
    await queryRunner.query(
      `INSERT INTO crm_catalog_values (catalog, key, label, position)
       SELECT catalog, key, label, position FROM jsonb_to_recordset($1::jsonb) AS x(catalog text, key text, label text, position integer)`,
      [JSON.stringify(DEFAULT_CATALOGS)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE crm_record_history; DROP TABLE crm_activities; DROP TABLE crm_opportunities; DROP TABLE crm_leads;
      DROP TABLE crm_contacts; DROP TABLE crm_organizations; DROP TABLE crm_catalog_values;
    `);
  }
}

/** The catalogs a new installation starts with (DOMAIN.md); administrators add, rename and retire values. */
const DEFAULT_CATALOGS = Object.entries({
  industries: ['Manufacturing', 'Retail', 'Software', 'Finance', 'Healthcare', 'Construction', 'Logistics', 'Public sector', 'Education', 'Other'],
  'relation-types': ['Prospect', 'Customer', 'Partner', 'Former customer', 'Supplier'],
  'organization-categories': ['Enterprise', 'Mid-market', 'Small business'],
  'contact-categories': ['Decision maker', 'Influencer', 'User', 'Private person'],
  roles: ['Director', 'Chief accountant', 'Lawyer', 'Buyer', 'Technical lead'],
  'request-types': ['Product information', 'Demo', 'Quote', 'Support', 'Partnership'],
  'lead-channels': ['Web form', 'Call', 'E-mail', 'Manual', 'Import', 'Campaign', 'Chat', 'Social network'],
  'lost-reasons': ['Price', 'Competitor', 'No budget', 'No decision', 'Timing', 'Requirements not met', 'Other'],
}).flatMap(([catalog, labels]) => labels.map((label, position) => ({ catalog, key: label.toLowerCase().replace(/[^a-z0-9]+/g, '-'), label, position })));
