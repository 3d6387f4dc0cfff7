// A custom field's title and value as a seller reads them, by what the type's deployed schema
// (`<type>.fields.json`, GET /custom-fields/{type}) says of the field: its `title` rather than its
// name, an enum value by its label (i18n, `customValues.<type>.<field>.<value>` in the records
// namespace — the schema's subset has no titles for enum values; a value without words shows as
// the package wrote it), dates and numbers in the user's locale (app/format.ts), booleans as words,
// a list item by item. A field the schema does not declare (written under an older version, or with
// no schema deployed) is read by its value's own type.
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber } from '../../../app/format';

/** The part of a custom field's JSON Schema that decides how its value reads (libs/process-package CustomFieldProperty). */
export interface CustomFieldShape {
  type?: unknown;
  title?: unknown;
  format?: unknown;
  enum?: unknown;
  items?: unknown;
}

export interface CustomFieldWords {
  yes: string;
  no: string;
  none: string;
  /** An enum value's label: its words, or the value as written. */
  enumLabel: (field: string, value: string | number) => string;
}

/** The i18n key of a custom enum value's label, or undefined for a value i18next could not look up as one key. */
export function customEnumLabelKey(type: string, field: string, value: string | number): string | undefined {
  const text = String(value);
  // `.` and `:` are i18next's key and namespace separators: such a value cannot be a key of its own.
  return /[.:]/.test(text) || text === '' ? undefined : `customValues.${type}.${field}.${text}`;
}

/** `(field, value) => label` for the custom fields of `type`, bound to the records namespace. */
export function customEnumLabel(t: TFunction<'records'>, type: string): CustomFieldWords['enumLabel'] {
  return (field, value) => {
    const key = customEnumLabelKey(type, field, value);
    return key === undefined ? String(value) : t(key, { defaultValue: String(value) });
  };
}

/** The field's title in its schema, or its name when the schema gives none. */
export function customFieldTitle(name: string, shape: CustomFieldShape | undefined): string {
  return typeof shape?.title === 'string' && shape.title.trim() !== '' ? shape.title : name;
}

function isShape(value: unknown): value is CustomFieldShape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(name: string, shape: CustomFieldShape | undefined, value: unknown, words: CustomFieldWords, locale?: string): string {
  if (value === null || value === undefined || value === '') return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if ((typeof value === 'string' || typeof value === 'number') && Array.isArray(shape?.enum) && shape.enum.includes(value)) {
    return words.enumLabel(name, value);
  }
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'string') {
    // A text that is not the date its format says (written before the format was declared) reads as written.
    if (shape?.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return formatDate(value, locale);
    if (shape?.format === 'date-time' && !Number.isNaN(Date.parse(value))) return formatDateTime(value, locale);
    return value;
  }
  return JSON.stringify(value);
}

/** The value as text (`words.none` when not set). */
export function customFieldText(name: string, shape: CustomFieldShape | undefined, value: unknown, words: CustomFieldWords, locale?: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    const items = isShape(shape?.items) ? shape.items : undefined;
    return value.map((item) => scalarText(name, items, item, words, locale)).join(', ');
  }
  return scalarText(name, shape, value, words, locale);
}
