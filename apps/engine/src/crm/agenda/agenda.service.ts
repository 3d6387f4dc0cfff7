// GET /me/agenda: the caller's day — today's and overdue activities (not done, due by the end of
// today), today's meetings, their open tasks with due dates (through the process engine's facade),
// and the open opportunities they own with their next-contact dates. Times by the database clock;
// "today" in the time zone the caller names (IANA, default UTC). Overdue items are marked.
import { Injectable } from '@nestjs/common';
import { activityType, opportunityType, type AgendaView } from '@stageflow/api-contract';
import { isTimeZone } from '@stageflow/process-package';
import { Invalid } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { ProcessEngine } from '../../process/index.js';
import { toRecordView } from '../records/record-columns.js';
import { AgendaRepository } from './agenda.repository.js';

/** The answer: the API contract's AgendaView (libs/api-contract, agenda.contract.ts). */
export type Agenda = AgendaView;

/** The `tz` parameter: an IANA time zone, UTC by default; anything else is 400 naming it. */
export function agendaTimeZone(query: JsonObject): string {
  for (const key of Object.keys(query)) if (key !== 'tz') throw Invalid.field(key, 'is not a parameter of the agenda');
  const tz = query.tz;
  if (tz === undefined) return 'UTC';
  if (typeof tz !== 'string' || tz.length > 64 || !isTimeZone(tz)) throw Invalid.field('tz', 'must be an IANA time zone such as Europe/Berlin');
  return tz;
}

function before(value: unknown, now: Date): boolean {
  return typeof value === 'string' && Date.parse(value) < now.getTime();
}

@Injectable()
export class AgendaService {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly engine: ProcessEngine,
  ) {}

  async of(principal: Principal, query: JsonObject): Promise<Agenda> {
    const timeZone = agendaTimeZone(query);
    let day;
    try {
      day = await this.agenda.day(timeZone);
    } catch (error) {
      // A zone the runtime knows and PostgreSQL does not (22023: time zone not recognized).
      if ((error as { code?: unknown }).code === '22023') throw Invalid.field('tz', `is not a time zone the database knows (${timeZone})`);
      throw error;
    }
    const [activities, meetings, opportunities, tasks] = await Promise.all([
      this.agenda.openActivitiesDueBefore(principal.userId, day.end),
      this.agenda.meetingsBetween(principal.userId, day.start, day.end),
      this.agenda.openOpportunities(principal.userId),
      this.engine.openTasksAssignedTo(principal),
    ]);
    return {
      timeZone,
      now: day.now.toISOString(),
      today: { start: day.start.toISOString(), end: day.end.toISOString() },
      activities: activities.map((row) => {
        const view = toRecordView(activityType, row);
        return { ...view, overdue: before(view.dueAt, day.now) };
      }),
      meetings: meetings.map((row) => toRecordView(activityType, row)),
      tasks: tasks
        .filter((task) => task.dueAt !== null && Date.parse(task.dueAt) < day.end.getTime())
        .map((task) => ({ ...task, overdue: before(task.dueAt, day.now) })),
      opportunities: opportunities.map((row) => {
        const view = toRecordView(opportunityType, row);
        return { ...view, overdue: before(view.nextContactAt, day.now) };
      }),
    };
  }
}
