// Dates, numbers and money in the user's locale (the browser's language list), through Intl.
// Every screen formats through these helpers, so one place decides how a value reads.

/** The user's locale: the browser's first language, or English when it names none Intl knows. */
export function userLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): string {
  for (const language of languages) {
    if (Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0) return language;
  }
  return 'en';
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A calendar date (`2026-12-07` or an instant), e.g. "Dec 7, 2026" in en-US. */
export function formatDate(value: string | Date, locale = userLocale()): string {
  // A bare date is a day, not an instant: read it as UTC so no time zone moves it to the day before.
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' };
  return cached(`date|${locale}|${dateOnly}`, () => new Intl.DateTimeFormat(locale, options)).format(toDate(value));
}

/** An instant with its time, e.g. "Dec 7, 2026, 6:30 PM" in en-US. */
export function formatDateTime(value: string | Date, locale = userLocale()): string {
  return cached(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(toDate(value));
}

export function formatNumber(value: number, locale = userLocale()): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** An amount in its currency (ISO 4217), e.g. "€1,234.50" in en-US, "1.234,50 €" in de-DE. */
export function formatMoney(amount: number, currency: string, locale = userLocale()): string {
  return cached(`money|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(amount);
}

/** A share (0.25 -> "25%"). */
export function formatPercent(share: number, locale = userLocale()): string {
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(share);
}
