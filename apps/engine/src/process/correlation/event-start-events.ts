// Message and signal start events of a deployed version, registered in `event_start_events`
// in the deployment's transaction. POST /messages and signal broadcasts look them up by name,
// restricted to the latest version of each process key (so a new version replaces the old
// one's start events without deleting anything).
import type { StartTrigger } from '@stageflow/bpmn-runtime';

export interface EventStartEventRow {
  kind: 'message' | 'signal';
  name: string;
  elementId: string;
}

export function eventStartEvents(triggers: readonly StartTrigger[]): EventStartEventRow[] {
  return triggers.flatMap((trigger): EventStartEventRow[] => {
    if (trigger.kind === 'message') return [{ kind: 'message', name: trigger.messageName, elementId: trigger.elementId }];
    if (trigger.kind === 'signal') return [{ kind: 'signal', name: trigger.signalName, elementId: trigger.elementId }];
    return [];
  });
}

/** The INSERT of a version's rows; parameters: definition id, key, version, kinds, names, element ids. */
export const INSERT_EVENT_START_EVENTS = `INSERT INTO event_start_events (definition_id, definition_key, definition_version, kind, name, element_id)
  SELECT $1::uuid, $2::text, $3::int, e.kind, e.name, e.element_id
    FROM unnest($4::text[], $5::text[], $6::text[]) AS e(kind, name, element_id)`;
