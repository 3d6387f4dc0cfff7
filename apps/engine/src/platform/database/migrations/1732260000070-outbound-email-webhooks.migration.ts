import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outboxes of outbound actions (issue 4): e-mails and webhook deliveries. A row is written
 * with the job that delivers it, in the caller's transaction; its idempotency key is unique, so
 * an action that runs twice queues one e-mail / one call. The row keeps what was sent (the
 * rendered inputs), the delivery status, the attempts and the last error, for the API.
 */
export class OutboundEmailWebhooks1732260000070 implements MigrationInterface {
  name = 'OutboundEmailWebhooks1732260000070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        process_instance_id uuid,
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        message_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        smtp_response text,
        last_attempt_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX email_outbox_instance ON email_outbox (process_instance_id, created_at);
      CREATE INDEX email_outbox_status ON email_outbox (status, created_at);

      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        process_instance_id uuid,
        url text NOT NULL,
        body text NOT NULL,
        secret_name text,
        status text NOT NULL CHECK (status IN ('queued', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_status_code integer,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_deliveries_instance ON webhook_deliveries (process_instance_id, created_at);
      CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_deliveries; DROP TABLE email_outbox');
  }
}
