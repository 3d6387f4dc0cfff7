// The seller's day (GET /me/agenda) and the reminders: each seller sees their own overdue and
// today's activities, today's meetings and open opportunities — "today" in the time zone they name —
// and nobody else's; a meeting's owner is reminded before it (here 0.1 minutes = 6 s before), a moved
// meeting reminds no one at its old time, and an opportunity whose next-contact date passes without
// an activity logged on it reminds its owner.
import { contractIssues } from '@stageflow/api-contract';
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_MEETING_REMINDER_MINUTES: '0.1' } });

const at = (offsetMs: number): string => new Date(Date.now() + offsetMs).toISOString();
const DAY = 24 * 3600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the seller’s day', () => {
  let olga = { id: '', token: '' };
  let otto = { id: '', token: '' };
  const api = (token: string) => suite.as(token);
  const create = async (token: string, path: string, body: object): Promise<string> => {
    const response = await api(token).post(path, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const notifications = async (token: string): Promise<{ message: string }[]> => (await api(token).get('/notifications')).body.items;

  beforeAll(async () => {
    olga = await suite.createUser('olga', ['seller'], ['north']);
    otto = await suite.createUser('otto', ['seller'], ['south']);
  });

  it('lists the caller’s overdue and today’s activities, today’s meetings and open opportunities, in their time zone, and nobody else’s', async () => {
    const first = await api(olga.token).get('/me/agenda?tz=Europe/Berlin');
    expect(first.status).toBe(200);
    const { start, end } = first.body.today as { start: string; end: string };
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(berlin.format(new Date(start))).toBe('00:00');
    expect(berlin.format(new Date(end))).toBe('00:00');
    expect(first.body.timeZone).toBe('Europe/Berlin');
    const midday = new Date((Date.parse(start) + Date.parse(end)) / 2).toISOString();

    const overdue = await create(olga.token, '/activities', { kind: 'call', subject: 'Overdue call', dueAt: at(-2 * DAY) });
    const meeting = await create(olga.token, '/activities', { kind: 'meeting', subject: 'Midday meeting', dueAt: midday });
    const later = await create(olga.token, '/activities', { kind: 'task', subject: 'Next week', dueAt: at(7 * DAY) });
    const done = await create(olga.token, '/activities', { kind: 'call', subject: 'Done call', dueAt: at(-DAY), done: true });
    const others = await create(otto.token, '/activities', { kind: 'call', subject: 'Otto call', dueAt: at(-DAY) });
    const late = await create(olga.token, '/opportunities', { name: 'Late deal', nextContactAt: at(-DAY) });
    const fine = await create(olga.token, '/opportunities', { name: 'Fine deal', nextContactAt: at(3 * DAY) });
    const ottos = await create(otto.token, '/opportunities', { name: 'Otto deal', nextContactAt: at(-DAY) });

    const agenda = (await api(olga.token).get('/me/agenda?tz=Europe/Berlin')).body;
    const ids = (items: { id: string }[]) => items.map((item) => item.id);
    expect(ids(agenda.activities)).toContain(overdue);
    expect(ids(agenda.activities)).toContain(meeting);
    expect(ids(agenda.activities)).not.toContain(later);
    expect(ids(agenda.activities)).not.toContain(done);
    expect(ids(agenda.activities)).not.toContain(others);
    expect(agenda.activities.find((item: { id: string }) => item.id === overdue).overdue).toBe(true);
    expect(ids(agenda.meetings)).toEqual([meeting]);
    expect(ids(agenda.opportunities)).toEqual([late, fine]);
    expect(agenda.opportunities.map((item: { overdue: boolean }) => item.overdue)).toEqual([true, false]);
    expect(Array.isArray(agenda.tasks)).toBe(true);
    // The answer is what the API contract (and so the OpenAPI document) says it is.
    expect(contractIssues('Agenda', agenda)).toEqual([]);

    const ottosAgenda = (await api(otto.token).get('/me/agenda')).body;
    expect(ottosAgenda.timeZone).toBe('UTC');
    expect(ids(ottosAgenda.activities)).toEqual([others]);
    expect(ids(ottosAgenda.opportunities)).toEqual([ottos]);
  });

  it('answers 400 for an unknown time zone or parameter', async () => {
    const bad = await api(olga.token).get('/me/agenda?tz=Mars/Olympus');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'tz' })]);
    expect((await api(olga.token).get('/me/agenda?day=today')).status).toBe(400);
  });

  it('reminds a meeting’s owner once before it, and no one at the old time of a moved meeting', async () => {
    const soon = await create(olga.token, '/activities', { kind: 'meeting', subject: 'Soon meeting', dueAt: at(9_000) });
    const moved = await create(olga.token, '/activities', { kind: 'meeting', subject: 'Moved meeting', dueAt: at(10_000) });
    expect((await api(olga.token).patch(`/activities/${moved}`, { dueAt: at(3600_000) })).status).toBe(200);
    const jobs = await suite.query<{ key: string; run_at: Date }>(`SELECT key, run_at FROM graphile_worker.jobs WHERE key = $1`, [
      `crm-reminder:meeting:${moved}`,
    ]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 3500_000);

    await eventually(async () => {
      const found = (await notifications(olga.token)).filter((item) => item.message.includes('Soon meeting'));
      return found.length > 0 ? found : undefined;
    }, 'the meeting reminder');
    await sleep(6_000);
    const all = await notifications(olga.token);
    expect(all.filter((item) => item.message.includes('Soon meeting'))).toHaveLength(1);
    expect(all.filter((item) => item.message.includes('Moved meeting'))).toHaveLength(0);
    expect((await notifications(otto.token)).filter((item) => item.message.includes('meeting'))).toHaveLength(0);
    expect(soon).toBeDefined();
  }, 40_000);

  it('reminds an opportunity’s owner when its next-contact date passes without an activity on it', async () => {
    await create(olga.token, '/opportunities', { name: 'Silent deal', nextContactAt: at(2_000) });
    const busy = await create(olga.token, '/opportunities', { name: 'Busy deal', nextContactAt: at(2_000) });
    await create(olga.token, '/activities', { kind: 'call', subject: 'Called them', opportunityId: busy, done: true });
    await eventually(async () => {
      const found = (await notifications(olga.token)).filter((item) => item.message.includes('Silent deal'));
      return found.length > 0 ? found : undefined;
    }, 'the next-contact reminder');
    await sleep(2_000);
    expect((await notifications(olga.token)).filter((item) => item.message.includes('Busy deal'))).toHaveLength(0);
  }, 30_000);
});
