// What a field or stage change of the timeline shows, as parts to render: the field (its label is
// ours, through i18n) and each side as the best words known — the name the engine answered for an
// id (a user, a team, a campaign, a record with its link, or "a record you may not see"), an enum
// value's label (i18n), a catalog value's label (the catalog, read once for all records), or the
// value formatted by its kind (fieldText). The raw id or key is shown only when nothing names it.
import type { RecordField, RecordTypeName, TimelineEntryView, TimelineNameView } from '@stageflow/api-contract';
import { definitionOf } from '../record-kinds';

export type ChangeValue =
  | { kind: 'none' }
  | { kind: 'hidden' }
  | { kind: 'record'; type: string; id: string; name: string }
  | { kind: 'name'; text: string }
  | { kind: 'enum'; field: RecordField; value: string }
  | { kind: 'catalog'; catalog: string; value: string }
  /** Formatted by the field's kind (dates, amounts, flags); `field` undefined for a field the type does not declare (a custom one). */
  | { kind: 'value'; field: RecordField | undefined; value: unknown };

export interface ChangeParts {
  /** The field's API name (`organizationId`, `stage`, `custom.segment`): its label is looked up by it. */
  field: string;
  old: ChangeValue;
  new: ChangeValue;
}

function valueOf(field: RecordField | undefined, value: unknown, name: TimelineNameView | null | undefined): ChangeValue {
  if (value === null || value === undefined || value === '') return { kind: 'none' };
  if (name) {
    if (!name.visible) return { kind: 'hidden' };
    if (name.record && name.name !== null) return { kind: 'record', type: name.record.type, id: name.record.id, name: name.name };
    if (name.name !== null) return { kind: 'name', text: name.name };
  }
  if (field?.kind === 'enum' && typeof value === 'string') return { kind: 'enum', field, value };
  if (field?.kind === 'catalog' && field.catalog && typeof value === 'string') return { kind: 'catalog', catalog: field.catalog, value };
  return { kind: 'value', field, value };
}

/** The parts of a field or stage change of a record of `type`; undefined for other entries. */
export function changeParts(type: RecordTypeName, entry: TimelineEntryView): ChangeParts | undefined {
  if (entry.kind !== 'field-change' && entry.kind !== 'stage-change') return undefined;
  const field = typeof entry.details.field === 'string' ? entry.details.field : entry.kind === 'stage-change' ? 'stage' : undefined;
  if (field === undefined) return undefined;
  const definition = definitionOf(type).fields.find((candidate) => candidate.name === field);
  return {
    field,
    old: valueOf(definition, entry.details.old, entry.names?.old),
    new: valueOf(definition, entry.details.new, entry.names?.new),
  };
}
