// A builder field names what a condition compares: the fact, and the path into it when there is
// one — `country`, `record.industry` (fact `record`, path `$.industry`), `company.contacts[0].role`.
// Fact names hold only letters, digits and `_` (the rule-set schema), so the first `.` or `[`
// is where the path starts: the field and the pair say the same thing.

export interface FieldTarget {
  fact: string;
  /** `$.industry`, `$.contacts[0].role`; absent: the fact itself. */
  path?: string;
}

/** The builder field of a fact with an optional path (`record` + `$.industry` -> `record.industry`). */
export function fieldOf(target: FieldTarget): string {
  return target.path === undefined ? target.fact : `${target.fact}${target.path.slice(1)}`;
}

/** The fact and path a builder field names (`record.industry` -> `record` + `$.industry`). */
export function targetOf(field: string): FieldTarget {
  const start = field.slice(1).search(/[.[]/);
  if (start === -1) return { fact: field };
  return { fact: field.slice(0, start + 1), path: `$${field.slice(start + 1)}` };
}
