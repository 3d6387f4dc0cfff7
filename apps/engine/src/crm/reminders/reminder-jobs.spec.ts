import { meetingReminderJob, meetingStillDue, nextContactReminderJob } from './reminder-jobs.js';

const meeting = { id: 'a1', kind: 'meeting', done: false, dueAt: '2026-12-07T10:00:00.000Z' };

describe('meetingReminderJob', () => {
  it('given a meeting to come then the job runs the configured minutes before it, keyed by the activity', () => {
    expect(meetingReminderJob(meeting, 15)).toEqual({
      task: 'crm.meeting-reminder',
      key: 'crm-reminder:meeting:a1',
      runAt: '2026-12-07T09:45:00.000Z',
      payload: { activityId: 'a1', dueAt: '2026-12-07T10:00:00.000Z' },
    });
    expect(meetingReminderJob(meeting, 0.1)?.runAt).toBe('2026-12-07T09:59:54.000Z');
  });

  it('given a call, a done meeting or one without a time then there is no job', () => {
    expect(meetingReminderJob({ ...meeting, kind: 'call' }, 15)).toBeUndefined();
    expect(meetingReminderJob({ ...meeting, done: true }, 15)).toBeUndefined();
    expect(meetingReminderJob({ ...meeting, dueAt: null }, 15)).toBeUndefined();
  });
});

describe('meetingStillDue', () => {
  it('reminds of the meeting as scheduled, not of one moved, done or started', () => {
    expect(meetingStillDue(meeting, meeting.dueAt, '2026-12-07T09:45:00Z')).toBe(true);
    expect(meetingStillDue({ ...meeting, dueAt: '2026-12-07T11:00:00.000Z' }, meeting.dueAt, '2026-12-07T09:45:00Z')).toBe(false);
    expect(meetingStillDue({ ...meeting, done: true }, meeting.dueAt, '2026-12-07T09:45:00Z')).toBe(false);
    expect(meetingStillDue(meeting, meeting.dueAt, '2026-12-07T10:00:01Z')).toBe(false);
  });
});

describe('nextContactReminderJob', () => {
  it('given an open opportunity with a next-contact date then the job runs at that date with the time it was set', () => {
    expect(nextContactReminderJob({ id: 'o1', nextContactAt: '2026-12-08T08:00:00.000Z', outcome: null }, '2026-12-07T12:00:00.000Z')).toEqual({
      task: 'crm.next-contact-reminder',
      key: 'crm-reminder:next-contact:o1',
      runAt: '2026-12-08T08:00:00.000Z',
      payload: { opportunityId: 'o1', nextContactAt: '2026-12-08T08:00:00.000Z', since: '2026-12-07T12:00:00.000Z' },
    });
  });

  it('given a closed opportunity or none set then there is no job', () => {
    expect(nextContactReminderJob({ id: 'o1', nextContactAt: '2026-12-08T08:00:00.000Z', outcome: 'won' }, 'x')).toBeUndefined();
    expect(nextContactReminderJob({ id: 'o1', nextContactAt: null }, 'x')).toBeUndefined();
  });
});
