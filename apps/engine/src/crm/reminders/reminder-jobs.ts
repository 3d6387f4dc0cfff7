// The reminders' jobs, as pure functions of the record: a meeting's owner is reminded N minutes
// before it, an opportunity's owner when its nextContactAt passes without an activity logged on it
// since the date was set. Each job is keyed by its record, so a moved time replaces the job (an
// unstarted job with the same key is replaced), and carries the time it was scheduled for, so a
// job that finds the record moved, done or closed meanwhile reminds no one.
import type { JobRequest } from '../../platform/jobs/job-request.js';

export const MEETING_REMINDER_TASK = 'crm.meeting-reminder';
export const NEXT_CONTACT_REMINDER_TASK = 'crm.next-contact-reminder';

export function meetingReminderKey(activityId: string): string {
  return `crm-reminder:meeting:${activityId}`;
}

export function nextContactReminderKey(opportunityId: string): string {
  return `crm-reminder:next-contact:${opportunityId}`;
}

export interface MeetingFields {
  id: string;
  kind?: unknown;
  done?: unknown;
  dueAt?: unknown;
}

export interface OpportunityFields {
  id: string;
  nextContactAt?: unknown;
  outcome?: unknown;
}

/** Whether the activity is a meeting still to come that needs a reminder at all. */
export function remindsOfMeeting(activity: MeetingFields): activity is MeetingFields & { dueAt: string } {
  return activity.kind === 'meeting' && activity.done !== true && typeof activity.dueAt === 'string';
}

/** The reminder job of a meeting (`minutes` before it), or undefined when it needs none (then its job is removed). */
export function meetingReminderJob(activity: MeetingFields, minutes: number): JobRequest | undefined {
  if (!remindsOfMeeting(activity)) return undefined;
  const runAt = new Date(Date.parse(activity.dueAt) - Math.round(minutes * 60_000)).toISOString();
  return { task: MEETING_REMINDER_TASK, key: meetingReminderKey(activity.id), runAt, payload: { activityId: activity.id, dueAt: activity.dueAt } };
}

/** Whether the opportunity is open and has a next-contact date to watch. */
export function watchesNextContact(opportunity: OpportunityFields): opportunity is OpportunityFields & { nextContactAt: string } {
  return typeof opportunity.nextContactAt === 'string' && (opportunity.outcome === null || opportunity.outcome === undefined);
}

/** The job at the opportunity's nextContactAt; `since` is when the date was set (the write's database time). */
export function nextContactReminderJob(opportunity: OpportunityFields, since: string): JobRequest | undefined {
  if (!watchesNextContact(opportunity)) return undefined;
  return {
    task: NEXT_CONTACT_REMINDER_TASK,
    key: nextContactReminderKey(opportunity.id),
    runAt: opportunity.nextContactAt,
    payload: { opportunityId: opportunity.id, nextContactAt: opportunity.nextContactAt, since },
  };
}

/** Whether a meeting reminder that comes due at `now` should still go out: the same time as scheduled, not started yet. */
export function meetingStillDue(activity: MeetingFields, scheduledDueAt: string, now: string): boolean {
  return remindsOfMeeting(activity) && Date.parse(activity.dueAt) === Date.parse(scheduledDueAt) && Date.parse(activity.dueAt) > Date.parse(now);
}
