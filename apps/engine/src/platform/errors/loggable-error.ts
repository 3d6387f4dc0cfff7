// What an error may say in the log. Statements' parameters are never logged (they carry password
// and token hashes, and whole variable payloads); a database error is logged by its code and the
// objects it names, with quoted values in its message replaced, because PostgreSQL quotes the
// offending input there (`invalid input syntax for type uuid: "…"`).

interface DatabaseErrorFields {
  code: string;
  message: string;
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorFields {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** `text` with every single- or double-quoted part replaced by `"…"`. */
export function withoutQuotedValues(text: string): string {
  return text.replace(/"[^"]*"|'[^']*'/g, '"…"');
}

/**
 * A line fit for the log: no statement parameters, no values a database error quotes. Any other
 * error gives its message, or with `stack` its stack (for the 500s an operator must trace).
 */
export function loggableError(error: unknown, options: { stack?: boolean } = {}): string {
  if (isDatabaseError(error)) {
    const named = (['table', 'column', 'constraint'] as const).flatMap((field) => (error[field] ? [`${field} ${error[field]}`] : []));
    return `database error ${error.code}: ${withoutQuotedValues(error.message)}${named.length > 0 ? ` (${named.join(', ')})` : ''}`;
  }
  if (error instanceof Error) return options.stack ? (error.stack ?? `${error.name}: ${error.message}`) : error.message;
  return String(error);
}
