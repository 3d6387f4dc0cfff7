// The keys the engine derives from a record on every write, for search and duplicates: text
// compared case- and accent-insensitively, e-mails lower-cased, phone numbers as E.164 (a number
// written "030 1234567" and "+49 30 1234567" is one number), legal ids without punctuation.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { RecordTypeDefinition } from '@stageflow/api-contract';

/** Lower case without diacritics: "Émile Zoë" -> "emile zoe". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** E.164 when the number parses (national numbers in `region`), else its digits. */
export function phoneKey(phone: string, region: CountryCode): string {
  const parsed = parsePhoneNumberFromString(phone, region);
  return parsed?.isPossible() ? parsed.number : phone.replace(/\D/g, '');
}

export function legalIdKey(legalId: string): string {
  return legalId.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export interface RecordKeys {
  search_text: string;
  email_keys: string[];
  phone_keys: string[];
  legal_id_key: string | null;
}

/** The derived keys of a record as it will be stored (every field, after the write). */
export function recordKeys(type: RecordTypeDefinition, record: Record<string, unknown>, region: CountryCode): RecordKeys {
  const emails = (record.emails as string[] | null | undefined) ?? [];
  const phones = (record.phones as string[] | null | undefined) ?? [];
  const phoneKeys = [...new Set(phones.map((phone) => phoneKey(phone, region)).filter((key) => key.length > 0))];
  const texts = type.fields
    .filter((field) => field.search && (field.kind === 'text' || field.kind === 'longText'))
    .map((field) => record[field.name])
    .filter((value): value is string => typeof value === 'string');
  const legalId = typeof record.legalId === 'string' ? legalIdKey(record.legalId) : '';
  return {
    search_text: searchable([...texts, ...emails, ...phoneKeys].join(' ')),
    email_keys: [...new Set(emails.map(emailKey))],
    phone_keys: phoneKeys,
    legal_id_key: legalId.length > 0 ? legalId : null,
  };
}
