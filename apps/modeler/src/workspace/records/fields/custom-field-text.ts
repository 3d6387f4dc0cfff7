// A custom field's title and value as a seller reads them, by what the type's deployed schema
// (`<type>.fields.json`, GET /custom-fields/{type}) says of the field: its `title` rather than its
// name, one of its choices by the choice's title (custom-field-choices.ts; a plain enum value shows
// as the package wrote it), dates and numbers in the user's locale (app/format.ts), booleans as words,
// a list item by item. A field the schema does not declare (written under an older version, or with
// no schema deployed) is read by its value's own type.
import { formatDate, formatDateTime, formatNumber } from '../../../app/format';
import { customFieldChoices } from './custom-field-choices';

/** The part of a custom field's JSON Schema that decides how its value reads (libs/process-package CustomFieldProperty). */
export interface CustomFieldShape {
  type?: unknown;
  title?: unknown;
  format?: unknown;
  enum?: unknown;
  oneOf?: unknown;
  items?: unknown;
}

export interface CustomFieldWords {
  yes: string;
  no: string;
  none: string;
}

/** The field's title in its schema, or its name when the schema gives none. */
export function customFieldTitle(name: string, shape: CustomFieldShape | undefined): string {
  return typeof shape?.title === 'string' && shape.title.trim() !== '' ? shape.title : name;
}

function isShape(value: unknown): value is CustomFieldShape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(shape: CustomFieldShape | undefined, value: unknown, words: CustomFieldWords, locale?: string): string {
  if (value === null || value === undefined || value === '') return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const choice = customFieldChoices(shape).find((candidate) => candidate.value === value);
  if (choice) return choice.label;
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
export function customFieldText(shape: CustomFieldShape | undefined, value: unknown, words: CustomFieldWords, locale?: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    const items = isShape(shape?.items) ? shape.items : undefined;
    return value.map((item) => scalarText(items, item, words, locale)).join(', ');
  }
  return scalarText(shape, value, words, locale);
}
