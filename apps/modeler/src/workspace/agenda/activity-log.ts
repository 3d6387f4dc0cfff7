// What "log a call / a meeting" writes: a done activity on the record with its outcome, and for a
// deal its new next-contact date (also kept on the activity, as the record of what was agreed).

export type LoggedKind = 'call' | 'meeting';
export type LoggedOn = { type: 'opportunity' | 'lead' | 'contact' | 'organization'; id: string };

export interface ActivityLogDraft {
  kind: LoggedKind;
  subject: string;
  outcome: string;
  /** `YYYY-MM-DDTHH:mm` from a datetime-local field, in local time; '' for none. */
  nextContact: string;
}

export interface ActivityLog {
  activity: Record<string, unknown>;
  nextContact?: { opportunityId: string; at: string };
}

const RECORD_FIELD: Record<LoggedOn['type'], string> = {
  opportunity: 'opportunityId',
  lead: 'leadId',
  contact: 'contactId',
  organization: 'organizationId',
};

export function activityLog(draft: ActivityLogDraft, on: LoggedOn, now: Date): ActivityLog {
  const next = draft.nextContact === '' ? undefined : new Date(draft.nextContact).toISOString();
  const outcome = draft.outcome.trim();
  return {
    activity: {
      kind: draft.kind,
      subject: draft.subject.trim(),
      [RECORD_FIELD[on.type]]: on.id,
      dueAt: now.toISOString(),
      done: true,
      ...(outcome !== '' ? { outcome } : {}),
      ...(next !== undefined ? { nextContactAt: next } : {}),
    },
    ...(next !== undefined && on.type === 'opportunity' ? { nextContact: { opportunityId: on.id, at: next } } : {}),
  };
}
