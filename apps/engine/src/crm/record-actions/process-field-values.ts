// The values a record action writes, read by the kind of each field: a template renders to text,
// so "25000" becomes 25000 for a decimal, "true" true for a boolean, "a@x.io, b@x.io" a list for
// e-mails and phones, and empty text clears the field (null). Values that were JSON in the action
// (a number, true, a list) are kept as they are. What still does not fit is left for the record
// kit's validation, which names the field.
import type { RecordField, RecordTypeDefinition } from '@stageflow/api-contract';

function read(field: RecordField, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  switch (field.kind) {
    case 'integer':
    case 'decimal': {
      const number = Number(trimmed);
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
    case 'emails':
    case 'phones':
      return trimmed
        .split(/[,;\n]/)
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
    case 'addresses':
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return text;
      }
    default:
      return trimmed;
  }
}

/** `fields` with every text value read by its field's kind; unknown names and `custom` are kept for the validator. */
export function processFieldValues(type: RecordTypeDefinition, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const field = type.fields.find((candidate) => candidate.name === name);
    values[name] = field !== undefined && typeof value === 'string' ? read(field, value) : value;
  }
  return values;
}

/** The issues as one message naming each field of the record type (`lead.status must be …; lead.nickname is not allowed`). */
export function issuesMessage(typeName: string, issues: readonly { path: string; message: string }[]): string {
  return issues.map((issue) => `${typeName}${issue.path === '' ? '' : `.${issue.path}`} ${issue.message}`).join('; ');
}
