// The label of an enum value of a record field (`lead.classification: expected-buyer` → "Expected
// buyer"): our words, so they come from the records namespace (`enumValues.<field>.<value>`); a value
// with no label yet (a value added to the contract before its words) shows as it is stored.
import type { RecordField } from '@stageflow/api-contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The i18n key of an enum value's label in the records namespace. */
export function enumLabelKey(fieldName: string, value: string): string {
  return `enumValues.${fieldName}.${value}`;
}

export function enumLabel(t: TFunction<'records'>, field: Pick<RecordField, 'name'>, value: string): string {
  return t(enumLabelKey(field.name, value), { defaultValue: value });
}

/** `(field, value) => label`, bound to the records namespace. */
export function useEnumLabel(): (field: Pick<RecordField, 'name'>, value: string) => string {
  const { t } = useTranslation('records');
  return (field, value) => enumLabel(t, field, value);
}
