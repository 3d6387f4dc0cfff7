// A rule's result (or the fallback): a form for the kinds with a fixed shape (territory,
// assignment, exit criteria) when the result fits it, else the JSON field.
import { Fieldset, NativeSelect, TextInput } from '@mantine/core';
import type { RuleSetKind } from '@stageflow/process-package';
import { useTranslation } from 'react-i18next';
import { JsonField } from './json-field';
import { formFits, RESULT_FIELDS, STRATEGIES, withResultField } from './result-fields';

interface Props {
  kind: RuleSetKind;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
}

const listText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');
const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

export function ResultForm({ kind, label, value, onChange }: Props) {
  const { t } = useTranslation('rules');
  const fields = RESULT_FIELDS[kind];
  if (fields === undefined || !formFits(kind, value ?? {})) {
    return <JsonField label={label} value={value} onChange={onChange} invalidMessage={() => t('json.invalidResult')} />;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  return (
    <Fieldset legend={label}>
      {fields.map((field) => {
        const fieldLabel = t(`results.${field.name}`);
        const current = record[field.name];
        if (field.kind === 'strategy') {
          return (
            <NativeSelect
              key={field.name}
              label={fieldLabel}
              required={field.required}
              value={typeof current === 'string' ? current : ''}
              onChange={(event) => onChange(withResultField(value, field.name, event.currentTarget.value))}
              data={[{ value: '', label: '—' }, ...STRATEGIES.map((strategy) => ({ value: strategy, label: t(`strategies.${strategy}`) }))]}
            />
          );
        }
        if (field.kind === 'list') {
          return (
            <TextInput
              key={field.name}
              label={fieldLabel}
              description={t('results.listHint')}
              value={listText(current)}
              onChange={(event) => onChange(withResultField(value, field.name, listOf(event.currentTarget.value)))}
            />
          );
        }
        return (
          <TextInput
            key={field.name}
            label={fieldLabel}
            required={field.required}
            value={typeof current === 'string' ? current : ''}
            onChange={(event) => onChange(withResultField(value, field.name, event.currentTarget.value))}
          />
        );
      })}
    </Fieldset>
  );
}
