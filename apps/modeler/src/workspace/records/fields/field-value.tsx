// A field's value on the page, as text: fieldText's words, an enum value's label (enum-label.ts),
// and for a catalog field the value's label from its catalog (the key until the catalog is read,
// or when the key is no longer in it).
import type { RecordField } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogQuery } from '../api/catalog.query';
import { enumLabel } from './enum-label';
import { fieldText } from './field-text';

export function FieldValue({ field, record, empty = '' }: { field: RecordField; record: Record<string, unknown>; empty?: string }) {
  const { t } = useTranslation('records');
  const text = fieldText(field, record, { yes: t('value.yes'), no: t('value.no') });
  if (text === null) return <>{empty}</>;
  if (field.kind === 'catalog' && field.catalog) return <CatalogLabel catalog={field.catalog} value={text} />;
  if (field.kind === 'enum') return <>{enumLabel(t, field, text)}</>;
  return <>{text}</>;
}

function CatalogLabel({ catalog, value }: { catalog: string; value: string }) {
  const values = useQuery(catalogQuery(catalog));
  return <>{values.data?.items.find((item) => item.key === value)?.label ?? value}</>;
}
