// A field or stage change of the timeline in words: "Organization: Acme → a record you may not see",
// the related record a link to its page, enum and catalog values by their labels (timeline-change.ts);
// a write of custom fields one line per field that changed, titled and formatted by the type's
// schema (custom-changes.ts, fields/custom-field-text.ts).
import { Text } from '@mantine/core';
import type { TimelineEntryView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../tasks/record-link';
import { catalogQuery } from '../api/catalog.query';
import { customFieldsQuery } from '../api/custom-fields.query';
import { customFieldText, customFieldTitle, type CustomFieldShape } from '../fields/custom-field-text';
import { useEnumLabel } from '../fields/enum-label';
import { fieldText } from '../fields/field-text';
import { useFieldLabel } from '../fields/record-fields-card';
import type { WorkspaceRecordType } from '../record-kinds';
import { customFieldChanges } from './custom-changes';
import { changeParts, type ChangeValue } from './timeline-change';

/** The change in words, an activity by its kind's label, or the engine's summary for other entries. */
export function TimelineChangeText({ type, entry }: { type: WorkspaceRecordType; entry: TimelineEntryView }) {
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
  if (parts.field === 'custom') return <CustomChangesText type={type} entry={entry} />;
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

/** One line per custom field the write changed; until the schema is read, by the fields' names. */
function CustomChangesText({ type, entry }: { type: WorkspaceRecordType; entry: TimelineEntryView }) {
  const { t } = useTranslation('records');
  const schema = useQuery(customFieldsQuery(type));
  const properties: Record<string, CustomFieldShape> = schema.data?.schema?.properties ?? {};
  const changes = customFieldChanges(entry.details.old, entry.details.new, Object.keys(properties));
  if (changes.length === 0) return <Text style={{ overflowWrap: 'anywhere' }}>{entry.summary}</Text>;
  const words = { yes: t('value.yes'), no: t('value.no'), none: t('value.none') };
  return (
    <>
      {changes.map((change) => (
        <Text key={change.name} style={{ overflowWrap: 'anywhere' }}>
          {customFieldTitle(change.name, properties[change.name])}: {customFieldText(properties[change.name], change.old, words)} →{' '}
          {customFieldText(properties[change.name], change.new, words)}
        </Text>
      ))}
    </>
  );
}
