// The values that identify a person, as copies of them are found elsewhere: each e-mail, each
// phone as written and as E.164 (with and without +), the full name and its parts. One pattern for
// JavaScript (record fields) and one for PostgreSQL (jsonb and text columns), both matching a value
// only as a whole word (`Ann` is not found in `Anna`), case-insensitively.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { phoneKey } from '../records/record-keys.js';

/** What an erased value becomes wherever it was. */
export const ERASED = '[erased]';

export interface PersonalValues {
  texts: string[];
  /** The normalised e-mails and phones (record-keys.ts), to drop them from e-mail and phone lists. */
  keys: Set<string>;
  region: CountryCode;
  /** For JavaScript strings (flags g, i, u). */
  regex: RegExp;
  /** A PostgreSQL regular expression (ARE) for `~*` and regexp_replace(..., 'gi'). */
  sql: string;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function personalValues(contact: Record<string, unknown>, region: CountryCode): PersonalValues {
  const texts = new Set<string>();
  for (const email of strings(contact.emails)) texts.add(email.trim());
  for (const phone of strings(contact.phones)) {
    texts.add(phone.trim());
    const key = phoneKey(phone, region);
    texts.add(key);
    if (key.startsWith('+')) texts.add(key.slice(1));
    // The same number as people write it: national and international formats, with and without the trunk 0.
    const parsed = parsePhoneNumberFromString(phone, region);
    if (parsed?.isPossible())
      for (const form of [parsed.formatNational(), parsed.formatInternational(), parsed.nationalNumber, `0${parsed.nationalNumber}`]) texts.add(form);
  }
  const first = strings(contact.firstName)[0]?.trim() ?? '';
  const last = strings(contact.lastName)[0]?.trim() ?? '';
  if (first && last) texts.add(`${first} ${last}`);
  for (const part of [first, last]) if (part.length >= 2 && part !== '[erased]') texts.add(part);
  const values = [...texts].filter((text) => text.length > 0).sort((a, b) => b.length - a.length);
  // JSON-escaped forms too: jsonb columns are searched as their text.
  const sqlValues = [...new Set(values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]))];
  const js = values.map((value) => value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  const are = sqlValues.map((value) => value.replace(/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g, '\\$&'));
  const keys = new Set([
    ...strings(contact.emails).map((email) => email.trim().toLowerCase()),
    ...strings(contact.phones).map((phone) => phoneKey(phone, region)),
  ]);
  return {
    texts: values,
    keys,
    region,
    // Never empty: a pattern that matches nothing when the person has no values left.
    regex: new RegExp(values.length === 0 ? '(?!)' : `(?<![\\p{L}\\p{N}])(?:${js.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
    sql: are.length === 0 ? 'a^' : `(?<![[:alnum:]])(?:${are.join('|')})(?![[:alnum:]])`,
  };
}
