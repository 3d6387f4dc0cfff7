// A field's value as the page shows it: always text (React escapes it), money in the record's
// currency and dates in the user's locale through app/format.
import type { RecordField } from '@stageflow/api-contract';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../app/format';

export interface FieldTextWords {
  yes: string;
  no: string;
}

function addressLine(address: unknown): string {
  if (typeof address !== 'object' || address === null) return String(address);
  const { street, postalCode, city, region, country } = address as Record<string, unknown>;
  return [street, [postalCode, city].filter(Boolean).join(' '), region, country].filter((part) => typeof part === 'string' && part !== '').join(', ');
}

/** The value as text, or null when the field is not set. */
export function fieldText(field: RecordField, record: Record<string, unknown>, words: FieldTextWords, locale?: string): string | null {
  const value = record[field.name];
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return field.kind === 'addresses' ? value.map(addressLine).join('; ') : value.map(String).join(', ');
  }
  switch (field.kind) {
    case 'boolean':
      return value === true ? words.yes : words.no;
    case 'date':
      return formatDate(String(value), locale);
    case 'datetime':
      return formatDateTime(String(value), locale);
    case 'integer':
      return formatNumber(Number(value), locale);
    case 'decimal': {
      const currency = record.currency;
      return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? formatMoney(Number(value), currency, locale) : formatNumber(Number(value), locale);
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
