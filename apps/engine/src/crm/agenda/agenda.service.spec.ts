import { agendaTimeZone } from './agenda.service.js';

describe('agendaTimeZone', () => {
  it('given no tz then today is in UTC', () => {
    expect(agendaTimeZone({})).toBe('UTC');
  });

  it('given an IANA zone then it is the zone of today', () => {
    expect(agendaTimeZone({ tz: 'Europe/Berlin' })).toBe('Europe/Berlin');
  });

  it('given an unknown zone, a list or another parameter then 400 names it', () => {
    expect(() => agendaTimeZone({ tz: 'Mars/Olympus' })).toThrow('tz must be an IANA time zone');
    expect(() => agendaTimeZone({ tz: ['UTC', 'UTC'] })).toThrow('tz must be');
    expect(() => agendaTimeZone({ day: 'today' })).toThrow('day is not a parameter of the agenda');
  });
});
