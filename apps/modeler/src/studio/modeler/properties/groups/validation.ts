// Checks of typed values the panel can make without the engine (the engine checks the rest at deploy).

const FEEL_PREFIX = '=';

/** A FEEL expression (`= ...`) or a whole number. */
export function numberOrFeel(value: string): string | undefined {
  const text = value.trim();
  return text.startsWith(FEEL_PREFIX) || /^-?\d+$/.test(text) ? undefined : 'properties.problems.numberOrFeel';
}

/** A FEEL expression, or an ISO 8601 date-time or duration (`PT2H`, `P3D`, `2026-12-01T08:00:00Z`). */
export function dateOrDurationOrFeel(value: string): string | undefined {
  const text = value.trim();
  if (text.startsWith(FEEL_PREFIX)) return undefined;
  if (/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(text)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) return undefined;
  return 'properties.problems.dateOrDurationOrFeel';
}

/** A FEEL expression (starts with `=`). */
export function feel(value: string): string | undefined {
  return value.trim().startsWith(FEEL_PREFIX) ? undefined : 'properties.problems.feel';
}

/** A literal (FEEL is refused at deploy for keys and stage lists). */
export function literal(value: string): string | undefined {
  return value.trim().startsWith(FEEL_PREFIX) ? 'properties.problems.literal' : undefined;
}
