// One row of the condition builder: field, operator and the value inputs the operator takes.
// Every input is named for assistive technology by its row ("Field of row 2").
import { ActionIcon, Fieldset, Group, Select, TagsInput, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withField, withOperator, type ConditionField, type DraftProblem, type DraftRow } from './condition-draft';
import { operatorsFor, OPERATORS } from './condition-model';

export interface ConditionRowEditorProps {
  row: DraftRow;
  /** 1-based, as the analyst counts. */
  number: number;
  fields: readonly ConditionField[];
  problem: DraftProblem | undefined;
  onChange: (row: DraftRow) => void;
  onRemove: () => void;
}

export function ConditionRowEditor({ row, number, fields, problem, onChange, onRemove }: ConditionRowEditorProps) {
  const { t } = useTranslation('conditionBuilder');
  const fieldOptions = fields.map((field) => ({ value: field.path, label: field.label }));
  // A field the text names but the list does not know is shown by its path.
  if (row.field !== '' && !fields.some((field) => field.path === row.field)) fieldOptions.push({ value: row.field, label: row.field });
  const problemId = `condition-row-${row.key}-problem`;
  const invalid = problem !== undefined && problem !== 'field';
  return (
    <Fieldset variant="unstyled" legend={<VisuallyHidden>{t('row.label', { number })}</VisuallyHidden>}>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <Select
          aria-label={t('row.field', { number })}
          placeholder={t('row.fieldPlaceholder')}
          data={fieldOptions}
          value={row.field === '' ? null : row.field}
          onChange={(path) => path !== null && onChange(withField(row, path, fields))}
          allowDeselect={false}
          searchable
          error={problem === 'field'}
          aria-describedby={problem === 'field' ? problemId : undefined}
          w={220}
        />
        <Select
          aria-label={t('row.operator', { number })}
          data={operatorsFor(row.type).map((operator) => ({ value: operator, label: t(`operator.${operator}`) }))}
          value={row.operator}
          onChange={(operator) => operator !== null && onChange(withOperator(row, operator as DraftRow['operator']))}
          allowDeselect={false}
          w={160}
        />
        <ValueInputs row={row} number={number} invalid={invalid} describedBy={invalid ? problemId : undefined} onChange={onChange} />
        <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('row.remove', { number })} onClick={onRemove}>
          <span aria-hidden="true">×</span>
        </ActionIcon>
      </Group>
      {problem && (
        <Text id={problemId} size="sm" c="red" mt={4}>
          {t(`problem.${problem}`, { type: t(`type.${row.type}`) })}
        </Text>
      )}
    </Fieldset>
  );
}

interface ValueInputsProps {
  row: DraftRow;
  number: number;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (row: DraftRow) => void;
}

function ValueInputs({ row, number, invalid, describedBy, onChange }: ValueInputsProps) {
  const { t } = useTranslation('conditionBuilder');
  const arity = OPERATORS[row.operator].arity;
  const setInput = (index: number, text: string) => onChange({ ...row, inputs: row.inputs.map((input, i) => (i === index ? text : input)) });
  if (arity === 0) return null;
  if (arity === 'many') {
    return (
      <TagsInput
        aria-label={t('row.values', { number })}
        placeholder={t('row.valuesPlaceholder')}
        value={row.inputs}
        onChange={(inputs) => onChange({ ...row, inputs })}
        // A text may hold a comma; numbers and days are split on it as well as on Enter.
        splitChars={row.type === 'string' ? [] : [',', ' ']}
        error={invalid}
        aria-describedby={describedBy}
        w={260}
      />
    );
  }
  const input = (index: number, label: string) => (
    <ValueInput
      key={index}
      type={row.type}
      label={label}
      text={row.inputs[index] ?? ''}
      invalid={invalid}
      describedBy={describedBy}
      onChange={(text) => setInput(index, text)}
    />
  );
  if (arity === 2) {
    return (
      <Group gap="xs" align="center" wrap="nowrap">
        {input(0, t('row.from', { number }))}
        <Text size="sm">{t('row.and')}</Text>
        {input(1, t('row.to', { number }))}
      </Group>
    );
  }
  return input(0, t('row.value', { number }));
}

interface ValueInputProps {
  type: DraftRow['type'];
  label: string;
  text: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (text: string) => void;
}

function ValueInput({ type, label, text, invalid, describedBy, onChange }: ValueInputProps) {
  const { t } = useTranslation('conditionBuilder');
  if (type === 'boolean') {
    return (
      <Select
        aria-label={label}
        data={[
          { value: 'true', label: t('boolean.true') },
          { value: 'false', label: t('boolean.false') },
        ]}
        value={text === '' ? null : text}
        onChange={(value) => value !== null && onChange(value)}
        allowDeselect={false}
        error={invalid}
        aria-describedby={describedBy}
        w={120}
      />
    );
  }
  return (
    <TextInput
      aria-label={label}
      type={type === 'date' ? 'date' : 'text'}
      inputMode={type === 'number' ? 'decimal' : undefined}
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={invalid}
      aria-describedby={describedBy}
      w={type === 'string' ? 220 : 160}
    />
  );
}
