// A field or stage change of the timeline in words: "Organization: Acme → a record you may not see",
// the related record a link to its page, enum and catalog values by their labels (timeline-change.ts).
import { Text } from '@mantine/core';
import type { RecordTypeName, TimelineEntryView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../tasks/record-link';
import { catalogQuery } from '../api/catalog.query';
import { useEnumLabel } from '../fields/enum-label';
import { fieldText } from '../fields/field-text';
import { useFieldLabel } from '../fields/record-fields-card';
import { changeParts, type ChangeValue } from './timeline-change';

/** The change in words, an activity by its kind's label, or the engine's summary for other entries. */
export function TimelineChangeText({ type, entry }: { type: RecordTypeName; entry: TimelineEntryView }) {
  const label = useFieldLabel();
  const enumLabel = useEnumLabel();
  const parts = changeParts(type, entry);
  // An activity: its kind by its label ("Call: Discovery call"), not the stored key.
  if (entry.kind === 'activity' && typeof entry.details.kind === 'string' && typeof entry.details.subject === 'string') {
    return (
      <Text style={{ overflowWrap: 'anywhere' }}>
        {enumLabel({ name: 'kind' }, entry.details.kind)}: {entry.details.subject}
      </Text>
    );
  }
  if (parts === undefined) return <Text style={{ overflowWrap: 'anywhere' }}>{entry.summary}</Text>;
  return (
    <Text style={{ overflowWrap: 'anywhere' }}>
      {label({ name: parts.field })}: <ChangeValueText value={parts.old} /> → <ChangeValueText value={parts.new} />
    </Text>
  );
}

function ChangeValueText({ value }: { value: ChangeValue }) {
  const { t } = useTranslation('records');
  const enumLabel = useEnumLabel();
  switch (value.kind) {
    case 'none':
      return <>{t('value.none')}</>;
    case 'hidden':
      return <em>{t('timeline.hiddenRecord')}</em>;
    case 'record':
      return <RecordLink record={value}>{value.name || t('related.untitled')}</RecordLink>;
    case 'name':
      return <>{value.text}</>;
    case 'enum':
      return <>{enumLabel(value.field, value.value)}</>;
    case 'catalog':
      return <CatalogValueText catalog={value.catalog} value={value.value} />;
    case 'value': {
      const field = value.field ?? { name: 'value', kind: 'text' as const };
      return <>{fieldText(field, { [field.name]: value.value }, { yes: t('value.yes'), no: t('value.no') }) ?? t('value.none')}</>;
    }
  }
}

function CatalogValueText({ catalog, value }: { catalog: string; value: string }) {
  const values = useQuery(catalogQuery(catalog));
  return <>{values.data?.items.find((item) => item.key === value)?.label ?? value}</>;
}
