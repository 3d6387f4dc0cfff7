// GET /api/v1/<records>/{id}/timeline: what happened to a record, newest first — field and stage
// changes, attachments, activities, comments, e-mails and its process's tasks (docs/crm.md).
import { anyObject, array, described, instant, named, nullable, object, optional, ref, string, stringEnum, uuid } from '../schemas/json-schema.js';

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

export interface TimelineEntryView {
  at: string;
  kind: TimelineKind;
  /** Who did it; absent where nobody did (an e-mail sent, a task created). */
  actor?: TimelineActorView;
  summary: string;
  /** By kind (docs/crm.md, "Timeline"). */
  details: Record<string, unknown>;
  ref?: TimelineRefView;
}

export interface TimelinePageView {
  items: TimelineEntryView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

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
});

export const timelinePageSchema = named<TimelinePageView>('timeline-page', {
  items: array(ref(timelineEntrySchema)),
  nextCursor: described(nullable(string), 'Pass as `cursor` for the next page; null on the last page.'),
});
