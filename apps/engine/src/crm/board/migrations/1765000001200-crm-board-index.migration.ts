import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline board's column (board.repository.ts): the deals of a stage, soonest next contact first,
 * those without one last, then by id — exactly the board's ORDER BY and cursor comparison. A column's
 * page is then an index walk that stops after a page of deals the caller sees, however many deals the
 * stage holds. Open and closed deals alike: the closing columns (Won, Lost) page the same way.
 */
export class CrmBoardIndex1765000001200 implements MigrationInterface {
  name = 'CrmBoardIndex1765000001200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX crm_opportunities_board_idx ON crm_opportunities (stage, (COALESCE(next_contact_at, 'infinity'::timestamptz)), id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX crm_opportunities_board_idx');
  }
}
