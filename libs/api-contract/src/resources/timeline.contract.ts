// GET /api/v1/<records>/{id}/timeline: what happened to a record, newest first — field and stage
// changes, attachments, activities, comments, e-mails and its process's tasks (docs/crm.md).
import { anyObject, array, boolean, described, instant, named, nullable, object, optional, ref, string, stringEnum, uuid } from '../schemas/json-schema.js';

export const TIMELINE_KINDS = ['field-change', 'stage-change', 'activity', 'comment', 'attachment', 'email', 'task-created', 'task-completed'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineActorView {
  id: string | null;
  name: string;
}

/** What an entry is about when it has its own resource: its type, id and, where the API has one, its path. */
export interface TimelineRefView {
  type: string;
  id: string;
  href?: string;
}

/** A stored value that is an id (a user, a team, a campaign, a record), as the caller may see it. */
export interface TimelineNameView {
  /** The user's name, the team's or campaign's name, the record's title; null when the caller may not see the record, or the id names nothing any more. */
  name: string | null;
  /** The record the value names, when the caller may see it (for a link); null otherwise. */
  record: { type: string; id: string } | null;
  /** False for a record the caller may not see: nothing of it is told. */
  visible: boolean;
}

/** The names of a field change's old and new value; null where that value is not set. */
export interface TimelineNamesView {
  old: TimelineNameView | null;
  new: TimelineNameView | null;
}

export interface TimelineEntryView {
  at: string;
  kind: TimelineKind;
  /** Who did it; absent where nobody did (an e-mail sent, a task created). */
  actor?: TimelineActorView;
  summary: string;
  /** By kind (docs/crm.md, "Timeline"). */
  details: Record<string, unknown>;
  ref?: TimelineRefView;
  /** A field change of a field that holds an id (owner, team, campaign, a related record): what the ids name. */
  names?: TimelineNamesView;
}

export interface TimelinePageView {
  items: TimelineEntryView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const nameSchema = nullable(
  object<TimelineNameView>({
    name: described(nullable(string), 'The user’s name, the team’s or campaign’s name, the record’s title; null for a record the caller may not see.'),
    record: nullable(object<{ type: string; id: string }>({ type: string, id: uuid })),
    visible: described(boolean, 'False for a record the caller may not see: nothing of it is told.'),
  }),
);

export const timelineEntrySchema = named<TimelineEntryView>('timeline-entry', {
  at: instant,
  kind: stringEnum(TIMELINE_KINDS),
  actor: optional(object<TimelineActorView>({ id: nullable(uuid), name: string }, { description: 'Who did it; absent where nobody did.' })),
  summary: string,
  details: described(anyObject, 'By kind (docs/crm.md, "Timeline").'),
  ref: optional(
    object<TimelineRefView>(
      { type: string, id: string, href: optional(string) },
      { description: 'What the entry is about when it has its own resource (activity, comment, attachment, email, task).' },
    ),
  ),
  names: optional(
    object<TimelineNamesView>(
      { old: nameSchema, new: nameSchema },
      {
        description:
          'A field change of a field holding an id (owner, team, campaign, a related record): what the old and new id name, as the caller may see it.',
      },
    ),
  ),
});

export const timelinePageSchema = named<TimelinePageView>('timeline-page', {
  items: array(ref(timelineEntrySchema)),
  nextCursor: described(nullable(string), 'Pass as `cursor` for the next page; null on the last page.'),
});
