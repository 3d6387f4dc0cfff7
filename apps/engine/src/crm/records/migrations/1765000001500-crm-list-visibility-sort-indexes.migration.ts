import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SORT_INDEXES } from './1765000000700-crm-list-sort-indexes.migration.js';

/**
 * A seller's list is the union of ordered walks, one per part of their visibility (record-visibility.ts
 * `visibleParts`): their own records, `owner_id = me`, and each of their teams' queues, `owner_id IS NULL
 * AND team_id = t`. Each walk needs an index that starts with the part's key and goes on in the sort's
 * order: `(owner_id, <sort>, id)` for the own records, and `(team_id, <sort>, id)` over the unowned rows
 * for the queues — for every sort of 1765000000700 (createdAt has both since 1765000000000). Without them
 * PostgreSQL read all of a seller's rows and sorted them for each page (issue 11, docs/performance.md).
 * updatedAt and custom fields have none (docs/performance.md says why).
 */
export class CrmListVisibilitySortIndexes1765000001500 implements MigrationInterface {
  name = 'CrmListVisibilitySortIndexes1765000001500';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, expression] of SORT_INDEXES) {
      await queryRunner.query(`CREATE INDEX ${table}_owner_sort_${name}_idx ON ${table} (owner_id, (${expression}), id)`);
      await queryRunner.query(`CREATE INDEX ${table}_queue_sort_${name}_idx ON ${table} (team_id, (${expression}), id) WHERE owner_id IS NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of SORT_INDEXES) {
      await queryRunner.query(`DROP INDEX ${table}_queue_sort_${name}_idx`);
      await queryRunner.query(`DROP INDEX ${table}_owner_sort_${name}_idx`);
    }
  }
}
