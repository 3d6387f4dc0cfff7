// The values a custom field offers, with the words to show for each, read from the field's JSON
// Schema in force (`<type>.fields.json`): titled choices (`oneOf: [{ const, title }]`) by their
// titles, a plain `enum` by the values as the package wrote them. The package is the one place
// that names its values, so a custom package's choices read as well as the standard ones'.

/** One value of a custom field and its words. */
export interface CustomFieldChoice {
  value: string | number;
  label: string;
}

function isChoiceValue(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** The field's choices in the schema's order; `[]` for a field without values (or no schema). */
export function customFieldChoices(shape: { enum?: unknown; oneOf?: unknown } | undefined): CustomFieldChoice[] {
  if (Array.isArray(shape?.oneOf)) {
    return shape.oneOf.flatMap((choice: unknown) => {
      if (typeof choice !== 'object' || choice === null) return [];
      const { const: value, title } = choice as { const?: unknown; title?: unknown };
      if (!isChoiceValue(value)) return [];
      return [{ value, label: typeof title === 'string' && title.trim() !== '' ? title : String(value) }];
    });
  }
  if (Array.isArray(shape?.enum)) return shape.enum.filter(isChoiceValue).map((value) => ({ value, label: String(value) }));
  return [];
}
