// One rule as a row of the editor: id, priority, description, its conditions in the builder and
// its result; the engine's problems that name this rule below it.
import { Button, Group, List, NumberInput, Paper, Stack, TextInput, Text } from '@mantine/core';
import type { Condition, RuleSetKind } from '@stageflow/process-package';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../../../app/api/api-error';
import type { BuilderField } from '../builder/builder-fields';
import { ConditionBuilder } from '../builder/condition-builder';
import { ResultForm } from './result-form';
import type { DraftRule } from './rule-set-draft';

interface Props {
  rule: DraftRule;
  kind: RuleSetKind;
  fields: readonly BuilderField[];
  problems: readonly ApiErrorDetail[];
  onChange: (rule: DraftRule) => void;
  onRemove: () => void;
}

export function RuleCard({ rule, kind, fields, problems, onChange, onRemove }: Props) {
  const { t } = useTranslation('rules');
  const id = typeof rule.id === 'string' ? rule.id : '';
  return (
    <Paper withBorder p="md" component="article" aria-label={t('rules.conditionsOf', { id })} data-rule={id}>
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('rules.id')} value={id} onChange={(event) => onChange({ ...rule, id: event.currentTarget.value })} />
          <NumberInput
            label={t('rules.priority')}
            description={t('rules.priorityHint')}
            min={1}
            allowDecimal={false}
            value={typeof rule.priority === 'number' ? rule.priority : ''}
            onChange={(value) => {
              const next = { ...rule };
              if (typeof value === 'number') next.priority = value;
              else delete next.priority;
              onChange(next);
            }}
            w={160}
          />
          <TextInput
            label={t('rules.description')}
            value={typeof rule.description === 'string' ? rule.description : ''}
            onChange={(event) => {
              const next = { ...rule, description: event.currentTarget.value };
              if (next.description === '') delete (next as Record<string, unknown>).description;
              onChange(next);
            }}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button variant="subtle" color="red" onClick={onRemove}>
            {t('rules.remove')}
          </Button>
        </Group>
        <Text size="sm" fw={500}>
          {t('rules.conditions')}
        </Text>
        <ConditionBuilder
          label={t('rules.conditionsOf', { id })}
          conditions={rule.conditions}
          fields={fields}
          onChange={(conditions: Condition) => onChange({ ...rule, conditions })}
        />
        <ResultForm kind={kind} label={t('rules.result')} value={rule.result} onChange={(result) => onChange({ ...rule, result })} />
        {problems.length > 0 && (
          <List size="sm" c="red.8" aria-label={t('rules.problems')}>
            {problems.map((problem, index) => (
              <List.Item key={index}>{problem.message}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
