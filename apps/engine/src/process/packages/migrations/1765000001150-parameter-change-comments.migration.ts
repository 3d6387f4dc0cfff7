import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a package's parameters were changed, in the words of who changed them (`PUT
 * /packages/{name}/parameters?comment=`, the studio's "reason" field): kept with the change in its
 * history. Null for changes made without one, deploys and rollbacks.
 */
export class ParameterChangeComments1765000001150 implements MigrationInterface {
  name = 'ParameterChangeComments1765000001150';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE package_parameter_versions ADD COLUMN comment text CHECK (char_length(comment) <= 1000)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE package_parameter_versions DROP COLUMN comment`);
  }
}
