import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How records relate: a contact's roles at organizations (one person, several organizations, a role
 * from the roles catalog at each), an opportunity's contacts, and its products with quantity and price.
 */
export class CrmRelations1765000000140 implements MigrationInterface {
  name = 'CrmRelations1765000000140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_contact_roles (
        id uuid PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES crm_contacts(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES crm_organizations(id) ON DELETE CASCADE,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contact_id, organization_id, role)
      );
      CREATE INDEX crm_contact_roles_organization_idx ON crm_contact_roles (organization_id);

      CREATE TABLE crm_opportunity_contacts (
        opportunity_id uuid NOT NULL REFERENCES crm_opportunities(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES crm_contacts(id) ON DELETE CASCADE,
        role text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (opportunity_id, contact_id)
      );
      CREATE INDEX crm_opportunity_contacts_contact_idx ON crm_opportunity_contacts (contact_id);

      CREATE TABLE crm_opportunity_products (
        id uuid PRIMARY KEY,
        opportunity_id uuid NOT NULL REFERENCES crm_opportunities(id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES crm_products(id) ON DELETE RESTRICT,
        quantity numeric(20, 4) NOT NULL CHECK (quantity > 0),
        unit_price numeric(20, 2) NOT NULL CHECK (unit_price >= 0),
        currency text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX crm_opportunity_products_opportunity_idx ON crm_opportunity_products (opportunity_id, created_at);
      CREATE INDEX crm_opportunity_products_product_idx ON crm_opportunity_products (product_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_opportunity_products; DROP TABLE crm_opportunity_contacts; DROP TABLE crm_contact_roles');
  }
}
