// Facts of type `date` are ISO 8601 texts; only a date (UTC midnight) or a date-time with `Z` or
// an offset is read, never a local time whose meaning would depend on the server's settings.
import { isIsoInstant } from '@stageflow/process-package';

/** Milliseconds since the epoch, or undefined when `value` is not such a text. */
export function instantOf(value: unknown): number | undefined {
  return isIsoInstant(value) ? Date.parse(value) : undefined;
}
