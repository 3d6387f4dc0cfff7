import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The product catalog with prices: what leads ask about and opportunities sell (admins and managers edit it). */
export class CrmProducts1765000000120 implements MigrationInterface {
  name = 'CrmProducts1765000000120';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_products (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        code text NOT NULL UNIQUE,
        description text,
        unit_price numeric(20, 2) NOT NULL CHECK (unit_price >= 0),
        currency text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX crm_products_name_idx ON crm_products (lower(name), id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crm_products');
  }
}
