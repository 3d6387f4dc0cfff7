import { evaluate } from 'feelin';
import { parseIsoDuration, toDueInstant, toJsonValue } from './feel-values.js';

const NOW = '2024-01-31T10:00:00.000Z';

describe('FEEL values', () => {
  it('given ISO 8601 durations, when parsed, then calendar months and exact time are kept apart', () => {
    expect(parseIsoDuration('P3D')).toEqual({ months: 0, millis: 3 * 86_400_000 });
    expect(parseIsoDuration('P1Y2M')).toEqual({ months: 14, millis: 0 });
    expect(parseIsoDuration('PT1H30M')).toEqual({ months: 0, millis: 5_400_000 });
    expect(parseIsoDuration('-P1W')).toEqual({ months: 0, millis: -7 * 86_400_000 });
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('PT')).toBeNull();
    expect(parseIsoDuration('3 days')).toBeNull();
  });

  it('given due dates, when resolved, then durations are added to now and date-times are normalized to UTC', () => {
    expect(toDueInstant('P2D', NOW)).toEqual({ ok: true, value: '2024-02-02T10:00:00.000Z' });
    expect(toDueInstant('P1M', NOW)).toEqual({ ok: true, value: '2024-02-29T10:00:00.000Z' });
    expect(toDueInstant('2024-03-01T12:00:00+01:00', NOW)).toEqual({ ok: true, value: '2024-03-01T11:00:00.000Z' });
    expect(toDueInstant('2024-03-01', NOW)).toEqual({ ok: true, value: '2024-03-01T00:00:00.000Z' });
    expect(toDueInstant(evaluate('duration("PT36H")').value, NOW)).toEqual({ ok: true, value: '2024-02-01T22:00:00.000Z' });
    expect(toDueInstant(evaluate('duration("P1M")').value, NOW)).toEqual({ ok: true, value: '2024-02-29T10:00:00.000Z' });
    expect(toDueInstant(evaluate('duration("P1Y")').value, NOW)).toEqual({ ok: true, value: '2025-01-31T10:00:00.000Z' });
    expect(toDueInstant(evaluate('date and time("2024-05-01T09:00:00@Europe/Paris")').value, NOW)).toEqual({ ok: true, value: '2024-05-01T07:00:00.000Z' });
    expect(toDueInstant(evaluate('date("2024-05-01")').value, NOW)).toEqual({ ok: true, value: '2024-05-01T00:00:00.000Z' });
    expect(toDueInstant('soon', NOW)).toMatchObject({ ok: false });
    expect(toDueInstant(42, NOW)).toMatchObject({ ok: false });
  });

  it('given FEEL results, when converted to JSON, then temporals become strings and functions are refused', () => {
    expect(toJsonValue({ a: [1, 'x', null, true] })).toEqual({ ok: true, value: { a: [1, 'x', null, true] } });
    expect(toJsonValue(evaluate('date("2024-05-01")').value)).toEqual({ ok: true, value: '2024-05-01' });
    expect(toJsonValue(evaluate('duration("P2D")').value)).toEqual({ ok: true, value: 'P2D' });
    expect(toJsonValue(evaluate('function(x) x').value)).toMatchObject({ ok: false });
    expect(toJsonValue(Number.NaN)).toMatchObject({ ok: false });
  });
});
