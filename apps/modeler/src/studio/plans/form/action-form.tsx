// One action edited as a form: its type, then a field per property of that type (text fields are
// liquid templates; objects as JSON; lists one item a line).
import { Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import type { ActionType } from '@stageflow/process-package';
import { useTranslation } from 'react-i18next';
import { JsonField } from '../../rules/editor/json-field';
import { ACTION_FIELDS, listOf, listText, withField, withType, type ActionDraft, type ActionField } from './action-fields';

const STRATEGIES = ['territoryOwner', 'roundRobin', 'leastOpenTasks', 'skillMatch', 'unsorted'];

interface Props {
  action: ActionDraft;
  types: readonly ActionType[];
  onChange: (action: ActionDraft) => void;
}

export function ActionForm({ action, types, onChange }: Props) {
  const { t } = useTranslation('plans');
  const fields = ACTION_FIELDS[action.type as ActionType] ?? [];
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('action.type')}
        value={action.type}
        onChange={(event) => onChange(withType(action, event.currentTarget.value as ActionType))}
        data={types.map((type) => ({ value: type, label: t(`types.${type}`) }))}
      />
      {fields.map((field) => (
        <FieldInput key={field.name} field={field} value={action[field.name]} onChange={(value) => onChange(withField(action, field.name, value))} />
      ))}
    </Stack>
  );
}

function FieldInput({ field, value, onChange }: { field: ActionField; value: unknown; onChange: (value: unknown) => void }) {
  const { t } = useTranslation('plans');
  const label = t(`fields.${field.name}`, { defaultValue: field.name });
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'text':
      return <TextInput label={label} required={field.required} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'longText':
      return <Textarea label={label} required={field.required} autosize minRows={2} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'list':
      return (
        <Textarea
          label={label}
          description={t('action.listHint')}
          autosize
          minRows={1}
          value={listText(value)}
          onChange={(event) => onChange(listOf(event.currentTarget.value))}
        />
      );
    case 'json':
      return <JsonField label={label} value={value ?? {}} onChange={onChange} invalidMessage={(message) => t('action.invalidJson', { message })} />;
    case 'choice':
      return (
        <NativeSelect
          label={label}
          required={field.required}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...(field.options ?? []).map((option) => ({ value: option, label: option }))]}
        />
      );
    case 'boolean':
      return <Checkbox label={label} checked={value === true} onChange={(event) => onChange(event.currentTarget.checked ? true : undefined)} />;
    case 'assignment': {
      const assignment = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const set = (name: string, next: unknown) => {
        const updated = withField({ type: 'assignment', ...assignment }, name, next);
        const { type: _type, ...rest } = updated;
        onChange(Object.keys(rest).length === 0 ? undefined : rest);
      };
      return (
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('fields.strategy')}
            value={typeof assignment.strategy === 'string' ? assignment.strategy : ''}
            onChange={(event) => set('strategy', event.currentTarget.value)}
            data={[{ value: '', label: t('action.noAssignment') }, ...STRATEGIES.map((strategy) => ({ value: strategy, label: strategy }))]}
          />
          <TextInput
            label={t('fields.team')}
            value={typeof assignment.team === 'string' ? assignment.team : ''}
            onChange={(event) => set('team', event.currentTarget.value)}
          />
        </Group>
      );
    }
  }
}
