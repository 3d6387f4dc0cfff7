import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail keeps one row per WRITE instead of one per event. A command writes its events
 * together (a lead's start: 9, its completion: 7), and each row was a heap tuple, an index entry
 * and a WAL record of its own: in the HTTP benchmark they were about a fifth of PostgreSQL's
 * work per instance. `history_log` holds the events of one write as a JSON array, in order.
 *
 * `history` becomes a view with the old columns, one row per event, so everything that reads
 * the audit trail reads it as before; its `id` is the write's id times 2^20 plus the event's
 * position in the write (ordered as before; a write holds far fewer than 2^20 events, as the
 * interpreter's step limit bounds a command). Writes of single events elsewhere (a claim, an
 * action run) still INSERT INTO history: an INSTEAD OF trigger stores each as a write of one event.
 *
 * Existing rows move over as writes of one event each, their ids kept, so their order holds.
 */
export class HistoryOneRowPerWrite1732260000210 implements MigrationInterface {
  name = 'HistoryOneRowPerWrite1732260000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE history_log (
        process_instance_id uuid NOT NULL,
        id bigserial NOT NULL,
        at timestamptz NOT NULL,
        events jsonb NOT NULL,
        PRIMARY KEY (process_instance_id, id)
      ) WITH (toast_tuple_target = 8160);

      INSERT INTO history_log (process_instance_id, id, at, events)
      SELECT process_instance_id, id, at,
             jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('elementId', element_id, 'elementType', element_type, 'event', event))
                               || CASE WHEN payload IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('payload', payload) END)
        FROM history;
      SELECT setval(pg_get_serial_sequence('history_log', 'id'), GREATEST((SELECT max(id) FROM history_log), 1));
      DROP TABLE history;

      CREATE VIEW history AS
      SELECT l.id * 1048576 + e.n AS id,
             l.process_instance_id,
             e.event ->> 'elementId' AS element_id,
             e.event ->> 'elementType' AS element_type,
             e.event ->> 'event' AS event,
             l.at,
             NULLIF(e.event -> 'payload', 'null'::jsonb) AS payload
        FROM history_log l
       CROSS JOIN LATERAL jsonb_array_elements(l.events) WITH ORDINALITY AS e(event, n);

      CREATE FUNCTION history_insert_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO history_log (process_instance_id, at, events)
        VALUES (NEW.process_instance_id, NEW.at,
                jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('elementId', NEW.element_id, 'elementType', NEW.element_type, 'event', NEW.event))
                                  || CASE WHEN NEW.payload IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('payload', NEW.payload) END));
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER history_insert_event INSTEAD OF INSERT ON history FOR EACH ROW EXECUTE FUNCTION history_insert_event();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE history_events (
        id bigserial NOT NULL,
        process_instance_id uuid NOT NULL,
        element_id text,
        element_type text,
        event text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb,
        PRIMARY KEY (process_instance_id, id)
      );
      INSERT INTO history_events (process_instance_id, element_id, element_type, event, at, payload)
      SELECT process_instance_id, element_id, element_type, event, at, payload FROM history ORDER BY id;
      DROP VIEW history;
      DROP FUNCTION history_insert_event();
      DROP TABLE history_log;
      ALTER TABLE history_events RENAME TO history;
      ALTER SEQUENCE history_events_id_seq RENAME TO history_id_seq;
      ALTER TABLE history RENAME CONSTRAINT history_events_pkey TO history_pkey;
    `);
  }
}
