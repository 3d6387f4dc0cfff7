// GET /api/v1/me/agenda: the seller's day — today's and overdue activities, today's meetings, open
// tasks due by the end of today, open opportunities with their next-contact dates (docs/crm.md).
import { activityType, opportunityType } from '../records/record-types.js';
import { array, boolean, described, instant, named, object, ref, string } from '../schemas/json-schema.js';
import { recordViewSchema, type RecordView } from './record-views.contract.js';
import { taskProperties, type TaskView } from './tasks.contract.js';

/** An activity or opportunity of the agenda: `overdue` when its due time (next-contact date) has passed. */
export interface AgendaRecordView extends RecordView {
  overdue: boolean;
}

/** An open task of the agenda, `overdue` when its due time has passed. */
export interface AgendaTaskView extends TaskView {
  overdue: boolean;
}

export interface AgendaView {
  /** The IANA zone "today" is the calendar day of (`?tz=`, default UTC). */
  timeZone: string;
  /** The database clock's time of the answer. */
  now: string;
  today: { start: string; end: string };
  /** Not done, due before the end of today, soonest first (at most 200). */
  activities: AgendaRecordView[];
  /** Activities of kind meeting due today, done or not. */
  meetings: RecordView[];
  /** Open tasks assigned to the caller, due by the end of today. */
  tasks: AgendaTaskView[];
  /** Open opportunities the caller owns, by next-contact date (none last). */
  opportunities: AgendaRecordView[];
}

const overdue = { overdue: described(boolean, 'Its due time (an opportunity: its next-contact date) has passed.') };

export const agendaActivitySchema = recordViewSchema<AgendaRecordView>('agenda-activity', activityType, overdue);
export const agendaMeetingSchema = recordViewSchema<RecordView>('agenda-meeting', activityType);
export const agendaOpportunitySchema = recordViewSchema<AgendaRecordView>('agenda-opportunity', opportunityType, overdue);
export const agendaTaskSchema = named<AgendaTaskView>('agenda-task', { ...taskProperties, overdue: overdue.overdue });

export const agendaSchema = named<AgendaView>('agenda', {
  timeZone: described(string, 'The IANA zone "today" is the calendar day of (`?tz=`, default UTC).'),
  now: described(instant, "The database clock's time of the answer."),
  today: object<AgendaView['today']>({ start: instant, end: instant }),
  activities: described(array(ref(agendaActivitySchema)), 'Not done, due before the end of today, soonest first (at most 200).'),
  meetings: described(array(ref(agendaMeetingSchema)), 'Activities of kind meeting due today, done or not.'),
  tasks: described(array(ref(agendaTaskSchema)), 'Open tasks assigned to the caller, due by the end of today.'),
  opportunities: described(array(ref(agendaOpportunitySchema)), 'Open opportunities the caller owns, by next-contact date (none last).'),
});
