import { activityType, contactType } from '@stageflow/api-contract';
import { toRecordView, type RecordRow } from './record-columns.js';

const created = new Date('2026-12-01T08:00:00.123Z');
const updated = new Date('2026-12-02T09:30:00.456Z');

function activityRow(overrides: Record<string, unknown> = {}): RecordRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'call',
    subject: 'Call Zoë about the offer',
    body: null,
    organization_id: '00000000-0000-4000-8000-000000000002',
    due_at: new Date('2026-12-03T10:00:00.000Z'),
    done: false,
    next_contact_at: null,
    owner_id: '00000000-0000-4000-8000-000000000003',
    team_id: null,
    custom: { priority: 'high' },
    version: 4,
    created_at: created,
    updated_at: updated,
    ...overrides,
  };
}

describe('a record row as the API answers it', () => {
  it('given an activity row, when mapped, then each field is read from its snake_case column and times are ISO text', () => {
    const view = toRecordView(activityType, activityRow());
    expect(view).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      custom: { priority: 'high' },
      ownerId: '00000000-0000-4000-8000-000000000003',
      teamId: null,
      version: 4,
      createdAt: '2026-12-01T08:00:00.123Z',
      updatedAt: '2026-12-02T09:30:00.456Z',
      kind: 'call',
      subject: 'Call Zoë about the offer',
      body: null,
      organizationId: '00000000-0000-4000-8000-000000000002',
      contactId: null,
      leadId: null,
      opportunityId: null,
      dueAt: '2026-12-03T10:00:00.000Z',
      done: false,
      outcome: null,
      nextContactAt: null,
    });
  });

  it('given rows of two types mapped in turn, when mapped again, then each keeps its own fields (the columns are worked out per type)', () => {
    const contact = { ...activityRow(), first_name: 'Zoë', last_name: 'Núñez', custom: null } as RecordRow;
    const first = toRecordView(activityType, activityRow({ subject: 'first' }));
    const asContact = toRecordView(contactType, contact);
    const second = toRecordView(activityType, activityRow({ subject: 'second', done: true }));
    expect(first.subject).toBe('first');
    expect(asContact).toMatchObject({ firstName: 'Zoë', lastName: 'Núñez', custom: {} });
    expect(asContact).not.toHaveProperty('subject');
    expect(second).toMatchObject({ subject: 'second', done: true });
    expect(Object.keys(second)).toEqual(Object.keys(first));
  });
});
