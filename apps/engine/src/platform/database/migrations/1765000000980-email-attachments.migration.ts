import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox e-mail names the CRM attachments it carries (a sendEmail's `attachments`, e.g. the
 * offer PDF). Only the ids: the bytes stay in `crm_attachments` and are read when the mail is
 * sent (through the EmailAttachments port), so a queued mail does not copy a file.
 */
export class EmailAttachments1765000000980 implements MigrationInterface {
  name = 'EmailAttachments1765000000980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_outbox ADD COLUMN attachment_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE email_outbox DROP COLUMN attachment_ids');
  }
}
