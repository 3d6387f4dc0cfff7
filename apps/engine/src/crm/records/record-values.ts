// What a record's values must be beyond their JSON Schema: a catalog key that exists and is not
// retired, an ISO 4217 currency, a real calendar date, a parsable instant (stored as given, in
// UTC), and a referenced record the caller can see. Every problem names its field; all are
// reported at once.
import type { RecordField, RecordTypeDefinition } from '@stageflow/api-contract';
import { RECORD_TYPES } from '@stageflow/api-contract';
import type { ValidationIssue } from '@stageflow/process-package';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { CatalogValuesRepository } from '../catalogs/catalog-values.repository.js';
import type { RecordsRepository } from './records.repository.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The instant `text` names, or undefined when it does not name one (RFC 3339 with a zone). */
export function instantOf(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export interface ValueLookups {
  catalogs: Pick<CatalogValuesRepository, 'find'>;
  records: Pick<RecordsRepository, 'isVisible'>;
}

/**
 * The problems of `values` (fields being set, by API name) for `type`; datetimes are normalised in
 * place to UTC. Unchanged values are not checked again (a retired catalog value may stay).
 */
export async function valueIssues(
  type: RecordTypeDefinition,
  values: Record<string, unknown>,
  principal: Principal,
  lookups: ValueLookups,
  db: Queryable,
): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    const field = type.fields.find((candidate) => candidate.name === name) as RecordField;
    const problem = await valueProblem(field, value, principal, lookups, db);
    if (problem) issues.push({ path: name, message: problem });
    else if (field.kind === 'datetime') values[name] = instantOf(value as string);
  }
  return issues;
}

async function valueProblem(field: RecordField, value: unknown, principal: Principal, lookups: ValueLookups, db: Queryable): Promise<string | undefined> {
  switch (field.kind) {
    case 'catalog': {
      const known = await lookups.catalogs.find(field.catalog!, value as string, db);
      if (!known) return `must be a value of the catalog ${field.catalog}`;
      return known.retired ? `${value} is retired in the catalog ${field.catalog}` : undefined;
    }
    case 'currency':
      return CURRENCIES.has(value as string) ? undefined : 'must be an ISO 4217 currency code';
    case 'date':
      return isCalendarDate(value as string) ? undefined : 'must be a calendar date (YYYY-MM-DD)';
    case 'datetime':
      return instantOf(value as string) ? undefined : 'must be an RFC 3339 date and time with a time zone';
    case 'record': {
      const target = RECORD_TYPES[field.recordType!];
      return (await lookups.records.isVisible(target, principal, value as string, db)) ? undefined : `names no ${target.name} you can see`;
    }
    default:
      return undefined;
  }
}
