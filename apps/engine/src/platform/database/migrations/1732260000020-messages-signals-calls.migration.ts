import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waits on the outside world and between instances (issue 3):
 * - message and signal subscriptions: one row per waiting token, written in the same
 *   statement as the instance state that opened them, deleted by the one that closed them;
 * - buffered messages: published with a ttl while nothing waited, claimed (at most once) by the
 *   statement that opens a matching subscription;
 * - signal broadcasts: one row per broadcast, so a fan-out that runs twice adds its jobs once;
 * - start events by message / signal name, registered per definition version at deploy;
 * - the outbox: messages thrown by instances, for integrations;
 * - called processes: a call activity's child, and the child's link to its parent.
 * Ids the interpreter made (subscription, call) are text: their format is the interpreter's.
 */
export class MessagesSignalsCalls1732260000020 implements MigrationInterface {
  name = 'MessagesSignalsCalls1732260000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE message_subscriptions (
        id text PRIMARY KEY,
        process_instance_id uuid NOT NULL REFERENCES process_instances(id),
        element_id text NOT NULL,
        message_name text NOT NULL,
        correlation_key text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX message_subscriptions_name_key_idx ON message_subscriptions (message_name, correlation_key);
      CREATE INDEX message_subscriptions_instance_idx ON message_subscriptions (process_instance_id);

      CREATE TABLE buffered_messages (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        correlation_key text,
        variables jsonb NOT NULL DEFAULT '{}',
        published_by text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        claimed_by_subscription text,
        claimed_by_instance uuid,
        claimed_at timestamptz
      );
      CREATE INDEX buffered_messages_open_idx ON buffered_messages (name, correlation_key, created_at) WHERE claimed_at IS NULL;
      CREATE INDEX buffered_messages_claim_idx ON buffered_messages (claimed_by_subscription) WHERE claimed_by_subscription IS NOT NULL;

      CREATE TABLE signal_subscriptions (
        id text PRIMARY KEY,
        process_instance_id uuid NOT NULL REFERENCES process_instances(id),
        element_id text NOT NULL,
        signal_name text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX signal_subscriptions_name_idx ON signal_subscriptions (signal_name, process_instance_id);
      CREATE INDEX signal_subscriptions_instance_idx ON signal_subscriptions (process_instance_id);

      CREATE TABLE signal_broadcasts (
        id text PRIMARY KEY,
        name text NOT NULL,
        variables jsonb NOT NULL DEFAULT '{}',
        source_instance_id uuid,
        published_by text,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE event_start_events (
        definition_id uuid NOT NULL REFERENCES process_definitions(id),
        definition_key text NOT NULL,
        definition_version integer NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        element_id text NOT NULL,
        PRIMARY KEY (definition_id, element_id),
        CONSTRAINT event_start_events_kind_ck CHECK (kind IN ('message', 'signal'))
      );
      CREATE INDEX event_start_events_name_idx ON event_start_events (kind, name);

      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        process_instance_id uuid NOT NULL REFERENCES process_instances(id),
        element_id text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        correlation_key text,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        CONSTRAINT outbox_kind_ck CHECK (kind IN ('message'))
      );
      CREATE INDEX outbox_created_idx ON outbox (created_at, id);
      CREATE INDEX outbox_instance_idx ON outbox (process_instance_id);

      CREATE TABLE called_processes (
        call_id text PRIMARY KEY,
        parent_instance_id uuid NOT NULL REFERENCES process_instances(id),
        element_id text NOT NULL,
        process_key text NOT NULL,
        child_instance_id uuid,
        state text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT called_processes_state_ck CHECK (state IN ('pending', 'started', 'cancelled', 'ended'))
      );
      CREATE INDEX called_processes_parent_idx ON called_processes (parent_instance_id);

      ALTER TABLE process_instances ADD COLUMN parent_instance_id uuid, ADD COLUMN parent_call_id text;
      CREATE UNIQUE INDEX process_instances_parent_call_uq ON process_instances (parent_call_id) WHERE parent_call_id IS NOT NULL;
      CREATE INDEX process_instances_parent_idx ON process_instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX process_instances_parent_idx; DROP INDEX process_instances_parent_call_uq;
      ALTER TABLE process_instances DROP COLUMN parent_call_id, DROP COLUMN parent_instance_id;
      DROP TABLE called_processes; DROP TABLE outbox; DROP TABLE event_start_events; DROP TABLE signal_broadcasts;
      DROP TABLE signal_subscriptions; DROP TABLE buffered_messages; DROP TABLE message_subscriptions;
    `);
  }
}
