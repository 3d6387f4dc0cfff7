import { evaluateBoth } from './evaluate-both.testing.js';
import { withinBusinessHoursOperator } from './within-business-hours.operator.js';

const berlinOffice = { timezone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' };

describe('the withinBusinessHours operator', () => {
  describe('given Berlin office hours, Monday to Friday 09:00-17:30', () => {
    it('when a lead arrives on a Tuesday at 10:00 Berlin time then it passes', () => {
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', berlinOffice)).toBe(true);
    });

    it('when it arrives at 09:00 Berlin time sharp then it passes (from inclusive)', () => {
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T08:00:00Z', berlinOffice)).toBe(true);
    });

    it('when it arrives at 08:59 or at 17:30 Berlin time then it fails (from inclusive, to exclusive)', () => {
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T07:59:00Z', berlinOffice)).toBe(false);
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T16:30:00Z', berlinOffice)).toBe(false);
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T16:29:00Z', berlinOffice)).toBe(true);
    });

    it('when it arrives on a Saturday then it fails', () => {
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-07T10:00:00Z', berlinOffice)).toBe(false);
    });

    it('when summer time starts then the local hour follows it', () => {
      // 07:30 UTC is 08:30 in winter (closed) and 09:30 in summer (open).
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-27T07:30:00Z', berlinOffice)).toBe(false);
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-30T07:30:00Z', berlinOffice)).toBe(true);
    });

    it('when the UTC day differs from the local day then the local day counts', () => {
      // Friday 23:30 UTC is Saturday 00:30 in Tokyo.
      const tokyo = { timezone: 'Asia/Tokyo', days: ['sat'], from: '00:00', to: '01:00' };
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-06T15:30:00Z', tokyo)).toBe(true);
    });
  });

  describe('given an instant that cannot be read or a broken spec', () => {
    it('then it fails', () => {
      expect(evaluateBoth(withinBusinessHoursOperator, 'Tuesday 10:00', berlinOffice)).toBe(false);
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', { ...berlinOffice, timezone: 'Mars/Olympus' })).toBe(false);
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', { ...berlinOffice, from: '18:00', to: '09:00' })).toBe(false);
    });

    it('when the fact cannot be read then it fails even with hours around the clock', () => {
      const always = { timezone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00' };
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', always)).toBe(true);
      expect(evaluateBoth(withinBusinessHoursOperator, 'now', always)).toBe(false);
    });

    it('when the spec is null, has no time zone or lists the days otherwise than as a list then it fails', () => {
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', null)).toBe(false);
      const { timezone: _timezone, ...withoutZone } = berlinOffice;
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', withoutZone)).toBe(false);
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', { ...berlinOffice, days: { tue: true } })).toBe(false);
    });

    it.each([[' 9:00'], ['09:000'], ['9:00']])('when from is written %j instead of HH:MM then it fails', (from) => {
      expect(evaluateBoth(withinBusinessHoursOperator, '2026-03-03T09:00:00Z', { ...berlinOffice, from })).toBe(false);
    });
  });
});
