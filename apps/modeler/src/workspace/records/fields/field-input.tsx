// One input of the record form, chosen by the field's kind; `error` is the engine's message for it.
import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import type { RecordField } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogQuery } from '../api/catalog.query';
import { useEnumLabel } from './enum-label';
import type { Draft } from './field-drafts';
import { RecordReferenceInput } from './record-reference-input';

interface FieldInputProps {
  field: RecordField;
  label: string;
  value: Draft;
  error: string | undefined;
  onChange: (value: Draft) => void;
}

export function FieldInput({ field, label, value, error, onChange }: FieldInputProps) {
  const enumLabel = useEnumLabel();
  const common = { label, error, required: field.required };
  switch (field.kind) {
    case 'boolean':
      return <Checkbox label={label} checked={value === true} error={error} onChange={(event) => onChange(event.currentTarget.checked)} />;
    case 'longText':
      return <Textarea {...common} autosize minRows={2} value={String(value)} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'emails':
    case 'phones':
      return <ListInput {...common} value={String(value)} onChange={onChange} />;
    case 'enum':
      return (
        <ChoiceInput
          {...common}
          options={(field.values ?? []).map((key) => ({ value: key, label: enumLabel(field, key) }))}
          value={String(value)}
          onChange={onChange}
        />
      );
    case 'record':
      return <RecordReferenceInput recordType={field.recordType} label={label} value={String(value)} error={error} onChange={onChange} />;
    case 'catalog':
      return <CatalogInput {...common} catalog={field.catalog ?? ''} value={String(value)} onChange={onChange} />;
    default:
      return (
        <TextInput
          {...common}
          type={field.kind === 'date' ? 'date' : field.kind === 'datetime' ? 'datetime-local' : field.kind === 'url' ? 'url' : 'text'}
          inputMode={field.kind === 'integer' || field.kind === 'decimal' ? 'decimal' : undefined}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

interface TextLikeProps {
  label: string;
  error: string | undefined;
  required: boolean | undefined;
  value: string;
  onChange: (value: Draft) => void;
}

function ListInput(props: TextLikeProps) {
  const { t } = useTranslation('records');
  return (
    <Textarea
      label={props.label}
      description={t('form.onePerLine')}
      error={props.error}
      autosize
      minRows={1}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}

function ChoiceInput(props: TextLikeProps & { options: { value: string; label: string }[] }) {
  const { t } = useTranslation('records');
  const options = props.required ? props.options : [{ value: '', label: t('form.none') }, ...props.options];
  // A value the list no longer offers (a retired catalog key) stays selectable as it is.
  if (props.value !== '' && !options.some((option) => option.value === props.value)) options.push({ value: props.value, label: props.value });
  return (
    <NativeSelect
      label={props.label}
      error={props.error}
      required={props.required}
      data={options}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}

function CatalogInput(props: TextLikeProps & { catalog: string }) {
  const values = useQuery(catalogQuery(props.catalog));
  const options = (values.data?.items ?? [])
    .filter((item) => !item.retired || item.key === props.value)
    .map((item) => ({ value: item.key, label: item.label }));
  return <ChoiceInput {...props} options={options} />;
}
