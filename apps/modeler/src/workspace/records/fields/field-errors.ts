// A refused write's problems by field: the engine's 400 names each (`title`, `emails.0`,
// `custom.segment`), and the form shows each message under its input.
import { ApiError } from '../../../app/api/api-error';

export interface FieldErrors {
  /** By the record's own field (`emails.0` counts for `emails`). */
  fields: Record<string, string[]>;
  /** The custom fields' problems, their paths below `custom` (for the custom-field form). */
  custom: { path: string; message: string }[];
  /** Problems naming no field the form shows (the body as a whole, an unknown field). */
  other: string[];
}

export function fieldErrorsOf(error: unknown, shownFields: readonly string[]): FieldErrors {
  const result: FieldErrors = { fields: {}, custom: [], other: [] };
  if (!(error instanceof ApiError) || error.status !== 400) return result;
  for (const detail of error.details) {
    const path = detail.path ?? '';
    if (path === 'custom' || path.startsWith('custom.') || path.startsWith('custom[')) {
      result.custom.push({ path: path.slice('custom'.length).replace(/^\./, ''), message: detail.message });
      continue;
    }
    const field = path.split(/[.[/]/)[0] ?? '';
    if (shownFields.includes(field)) (result.fields[field] ??= []).push(detail.message);
    else result.other.push(path === '' ? detail.message : `${path}: ${detail.message}`);
  }
  return result;
}
