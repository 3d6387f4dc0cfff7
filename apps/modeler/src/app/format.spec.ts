import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, userLocale } from './format';

describe('format', () => {
  it('takes the first of the browser languages that Intl knows, else English', () => {
    expect(userLocale(['de-DE', 'en-US'])).toBe('de-DE');
    expect(userLocale([])).toBe('en');
  });

  it('formats money in the currency and the locale given', () => {
    expect(formatMoney(1234.5, 'EUR', 'en-US')).toBe('€1,234.50');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('formats numbers and shares by locale', () => {
    expect(formatNumber(1234567.5, 'en-US')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'de-DE')).toBe('1.234.567,5');
    expect(formatPercent(0.255, 'en-US')).toBe('25.5%');
  });

  it('keeps a bare date on its day whatever the time zone', () => {
    expect(formatDate('2026-12-07', 'en-US')).toBe('Dec 7, 2026');
    expect(formatDate('2026-12-07', 'de-DE')).toBe('07.12.2026');
  });

  it('formats an instant with date and time in the locale', () => {
    const text = formatDateTime('2026-12-07T18:30:00Z', 'en-US');
    expect(text).toMatch(/^Dec [78], 2026, \d{1,2}:30\s?[AP]M$/);
  });
});
