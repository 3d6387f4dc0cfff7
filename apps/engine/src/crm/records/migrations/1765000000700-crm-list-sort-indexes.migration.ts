import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for every sort a record list offers (record-list-query.ts: the column, or the COALESCE with
 * its stand-in for a nullable field, then the id — exactly the ORDER BY and the cursor's row comparison),
 * and one for the pipeline: open deals of a stage by value. With them a page is an index walk in sort
 * order that stops once it has found a page of rows the caller sees, however many rows the table holds;
 * without them PostgreSQL read every visible row (a manager's tenth of a million activities) and sorted
 * them for each page (issue 11, docs/performance.md "CRM at scale"). Sorts on createdAt had theirs;
 * updatedAt has none on purpose: the global search orders its matches by updated_at, and with such an
 * index PostgreSQL walked it end to end looking for a rare match (a phone number) instead of using
 * the trigram index.
 */
export const SORT_INDEXES: readonly [table: string, name: string, expression: string][] = [
  ['crm_organizations', 'name', 'name'],
  ['crm_contacts', 'last_name', 'last_name'],
  ['crm_leads', 'title', 'title'],
  ['crm_leads', 'status', "COALESCE(status, '')"],
  ['crm_opportunities', 'name', 'name'],
  ['crm_opportunities', 'value', 'COALESCE(value, -1)'],
  ['crm_opportunities', 'expected_decision', "COALESCE(expected_decision_date, '0001-01-01'::date)"],
  ['crm_opportunities', 'next_contact', "COALESCE(next_contact_at, '0001-01-01T00:00:00Z'::timestamptz)"],
  ['crm_activities', 'subject', 'subject'],
  ['crm_activities', 'due', "COALESCE(due_at, '0001-01-01T00:00:00Z'::timestamptz)"],
  ['crm_activities', 'next_contact', "COALESCE(next_contact_at, '0001-01-01T00:00:00Z'::timestamptz)"],
];

export class CrmListSortIndexes1765000000700 implements MigrationInterface {
  name = 'CrmListSortIndexes1765000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, expression] of SORT_INDEXES) {
      await queryRunner.query(`CREATE INDEX ${table}_sort_${name}_idx ON ${table} ((${expression}), id)`);
    }
    // The Kanban column: ?stage=…&outcome=null&sort=-value.
    await queryRunner.query(`CREATE INDEX crm_opportunities_pipeline_idx ON crm_opportunities (stage, (COALESCE(value, -1)), id) WHERE outcome IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX crm_opportunities_pipeline_idx');
    for (const [table, name] of SORT_INDEXES) await queryRunner.query(`DROP INDEX ${table}_sort_${name}_idx`);
  }
}
