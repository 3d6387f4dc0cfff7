// The dry run: sample facts typed in as JSON, or taken from a process instance's variables or a
// record, evaluated by the engine on the rule set as the editor holds it.
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { RecordTypeName, RuleSetDraftEvaluationView } from '@stageflow/api-contract';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { evaluateDraft } from '../api/evaluate-draft';
import { instanceFacts, recordFacts } from '../api/sample-facts';
import { EvaluationView } from './evaluation-view';
import { JsonField } from './json-field';
import { ProblemsList } from './problems-list';
import type { Draft } from './rule-set-draft';

const RECORD_TYPES: readonly RecordTypeName[] = ['lead', 'opportunity', 'organization', 'contact'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function DryRunPanel({ draft }: { draft: Draft }) {
  const { t } = useTranslation('rules');
  const [facts, setFacts] = useState<Record<string, unknown>>({});
  const [instanceId, setInstanceId] = useState('');
  const [recordType, setRecordType] = useState<RecordTypeName>('lead');
  const [recordId, setRecordId] = useState('');
  const run = useMutation<RuleSetDraftEvaluationView, Error>({ mutationFn: () => evaluateDraft(draft, facts) });
  const load = useMutation<Record<string, unknown>, Error, () => Promise<Record<string, unknown>>>({
    mutationFn: (source) => source(),
    onSuccess: setFacts,
  });
  return (
    <Stack gap="sm" component="section" aria-label={t('dryRun.title')}>
      <Title order={2} size="h4">
        {t('dryRun.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('dryRun.hint')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('dryRun.fromInstance')} value={instanceId} onChange={(event) => setInstanceId(event.currentTarget.value)} />
        <Button variant="light" disabled={instanceId.trim() === ''} loading={load.isPending} onClick={() => load.mutate(() => instanceFacts(instanceId))}>
          {t('dryRun.loadInstance')}
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('dryRun.fromRecordType')}
          value={recordType}
          onChange={(event) => setRecordType(event.currentTarget.value as RecordTypeName)}
          data={RECORD_TYPES.map((value) => ({ value, label: t(`recordTypes.${value}`) }))}
        />
        <TextInput label={t('dryRun.fromRecord')} value={recordId} onChange={(event) => setRecordId(event.currentTarget.value)} />
        <Button variant="light" disabled={recordId.trim() === ''} loading={load.isPending} onClick={() => load.mutate(() => recordFacts(recordType, recordId))}>
          {t('dryRun.loadRecord')}
        </Button>
      </Group>
      {load.isError && <ErrorAlert error={load.error} />}
      <JsonField
        label={t('dryRun.facts')}
        value={facts}
        minRows={4}
        onChange={(value) => setFacts(value as Record<string, unknown>)}
        invalidMessage={(message) => t('json.invalid', { message })}
        check={(value) => (isObject(value) ? undefined : t('dryRun.invalidFacts'))}
      />
      <Group>
        <Button onClick={() => run.mutate()} loading={run.isPending}>
          {t('dryRun.run')}
        </Button>
      </Group>
      {run.isError && <ProblemsList error={run.error} title={t('actions.problems')} />}
      {run.isSuccess && <EvaluationView evaluation={run.data} />}
    </Stack>
  );
}
