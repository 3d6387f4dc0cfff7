// A comparison's value as the text the analyst types, and back as the JSON value the rule set
// holds, by operator and field type: lists comma-separated (`DE, AT, CH`), `between` as `min, max`,
// numbers and booleans typed, the object values of daysSince and withinBusinessHours as JSON.
import type { JsonValue } from '@stageflow/process-package';
import type { FieldType } from './builder-fields';

export type ValueParse = { ok: true; value: JsonValue } | { ok: false; message: 'number' | 'boolean' | 'json' | 'pair' };

const LISTS = new Set(['in', 'notIn']);
const OBJECTS = new Set(['daysSince', 'withinBusinessHours']);

export function valueToText(value: unknown, operator: string): string {
  if (value === undefined) return '';
  if (OBJECTS.has(operator)) return JSON.stringify(value);
  if (Array.isArray(value) && (LISTS.has(operator) || operator === 'between'))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function scalar(text: string, type: FieldType): ValueParse {
  const trimmed = text.trim();
  if (type === 'number') {
    const number = Number(trimmed);
    return trimmed !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: 'number' };
  }
  if (type === 'boolean') return trimmed === 'true' || trimmed === 'false' ? { ok: true, value: trimmed === 'true' } : { ok: false, message: 'boolean' };
  if (type === 'any' && trimmed !== '') {
    // Behind a path the type is unknown: numbers, booleans and null as JSON, anything else as text.
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed === null || ['number', 'boolean'].includes(typeof parsed)) return { ok: true, value: parsed as JsonValue };
    } catch {
      // text
    }
  }
  return { ok: true, value: text };
}

export function textToValue(text: string, operator: string, type: FieldType): ValueParse {
  if (OBJECTS.has(operator)) {
    try {
      return { ok: true, value: JSON.parse(text) as JsonValue };
    } catch {
      return { ok: false, message: 'json' };
    }
  }
  if (LISTS.has(operator) || operator === 'between') {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const itemType: FieldType = operator === 'between' ? 'number' : type;
    const values: JsonValue[] = [];
    for (const item of items) {
      const parsed = scalar(item, itemType);
      if (!parsed.ok) return parsed;
      values.push(parsed.value);
    }
    if (operator === 'between' && values.length !== 2) return { ok: false, message: 'pair' };
    return { ok: true, value: values };
  }
  // A list fact holds any scalar; a text fact is searched for text.
  return scalar(text, (operator === 'contains' || operator === 'doesNotContain') && type === 'array' ? 'any' : type);
}
