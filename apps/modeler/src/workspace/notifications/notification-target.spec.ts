import { notificationRecord } from './notification-target';

describe('the record a notification names', () => {
  it('given a mention naming an opportunity by its address, when read, then its type and id', () => {
    expect(
      notificationRecord('nora mentioned you on the opportunity "Fleet renewal" (/api/v1/opportunities/0b9c2a4e-7d1f-4c3b-9a8e-1f2d3c4b5a69): call them'),
    ).toEqual({ type: 'opportunity', id: '0b9c2a4e-7d1f-4c3b-9a8e-1f2d3c4b5a69' });
  });

  it('given a message without a record address, when read, then none', () => {
    expect(notificationRecord('An expected buyer: ACME')).toBeUndefined();
    expect(notificationRecord('see /api/v1/tasks/0b9c2a4e-7d1f-4c3b-9a8e-1f2d3c4b5a69')).toBeUndefined();
  });
});
