// A write of custom fields is kept as one change of `custom` (the whole object before and after,
// crm_record_history): the timeline shows it as one change per custom field that differs — the
// fields in the order the type's schema declares them, then any it does not (sorted) — so a seller
// reads "Why we won: — → Product fit", never two JSON objects.

export interface CustomFieldChange {
  /** The custom field's name (`winReason`). */
  name: string;
  old: unknown;
  new: unknown;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A field not set reads the same whether its key is absent, null or empty text. */
function same(a: unknown, b: unknown): boolean {
  const unset = (value: unknown) => value === undefined || value === null || value === '';
  if (unset(a) || unset(b)) return unset(a) && unset(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The custom fields that differ between `old` and `next`, in the schema's order (`order`), then the others by name. */
export function customFieldChanges(old: unknown, next: unknown, order: readonly string[] = []): CustomFieldChange[] {
  const before = objectOf(old);
  const after = objectOf(next);
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const declared = order.filter((name) => names.has(name));
  const others = [...names].filter((name) => !order.includes(name)).sort();
  return [...declared, ...others]
    .filter((name) => !same(before[name], after[name]))
    .map((name) => ({ name, old: before[name] ?? null, new: after[name] ?? null }));
}
