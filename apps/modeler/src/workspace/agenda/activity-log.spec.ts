import { activityLog } from './activity-log';

describe('logging a call or a meeting', () => {
  const now = new Date('2026-12-07T18:00:00Z');
  const deal = { type: 'opportunity', id: 'd1' } as const;

  it('given a call on a deal with an outcome and a next contact, when logged, then a done call on the deal and the deal’s next-contact date', () => {
    const log = activityLog({ kind: 'call', subject: ' Call Anna ', outcome: 'wants an offer', nextContact: '2026-12-10T09:30' }, deal, now);
    const at = new Date('2026-12-10T09:30').toISOString();
    expect(log).toEqual({
      activity: { kind: 'call', subject: 'Call Anna', opportunityId: 'd1', dueAt: now.toISOString(), done: true, outcome: 'wants an offer', nextContactAt: at },
      nextContact: { opportunityId: 'd1', at },
    });
  });

  it('given a meeting on a lead without outcome or date, when logged, then only the done meeting on the lead', () => {
    expect(activityLog({ kind: 'meeting', subject: 'Demo', outcome: ' ', nextContact: '' }, { type: 'lead', id: 'l1' }, now)).toEqual({
      activity: { kind: 'meeting', subject: 'Demo', leadId: 'l1', dueAt: now.toISOString(), done: true },
    });
  });
});
