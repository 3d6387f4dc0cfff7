// A variable's value shown as text: its JSON (strings in quotes, so "42" and 42 differ), on one line.
export function jsonText(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

/** A value typed by a user as JSON: the value, or the parser's reason when it is not JSON. */
export function parseJsonValue(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
