// The liquid preview: sample data typed as JSON, rendered by the engine (POST /templates/preview)
// exactly as a run renders it; the rendered fields are shown as text.
import { Button, Code, Paper, Stack, Text, Title } from '@mantine/core';
import type { TemplatePreviewRequest, TemplatePreviewView } from '@stageflow/api-contract';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonField } from '../../rules/editor/json-field';
import { ProblemsList } from '../../rules/editor/problems-list';
import { preview } from '../api/plans.api';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function RenderedAction({ action }: { action: Record<string, unknown> }) {
  const { t } = useTranslation('plans');
  return (
    <Stack gap={4}>
      {Object.entries(action)
        .filter(([name]) => name !== 'type')
        .map(([name, value]) => (
          <div key={name} data-field={name}>
            <Text size="xs" fw={600}>
              {t(`fields.${name}`, { defaultValue: name })}
            </Text>
            <Code block>{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</Code>
          </div>
        ))}
    </Stack>
  );
}

export function PreviewPanel({ subject }: { subject: () => Omit<TemplatePreviewRequest, 'data'> }) {
  const { t } = useTranslation('plans');
  const [data, setData] = useState<Record<string, unknown>>({});
  const run = useMutation<TemplatePreviewView, Error>({ mutationFn: () => preview({ ...subject(), data }) });
  return (
    <Stack gap="sm" component="section" aria-label={t('preview.title')}>
      <Title order={2} size="h4">
        {t('preview.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('preview.hint')}
      </Text>
      <JsonField
        label={t('preview.data')}
        value={data}
        onChange={(value) => setData(value as Record<string, unknown>)}
        invalidMessage={(message) => t('action.invalidJson', { message })}
        check={(value) => (isObject(value) ? undefined : t('preview.notObject'))}
      />
      <Button onClick={() => run.mutate()} loading={run.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('preview.run')}
      </Button>
      {run.isError && <ProblemsList error={run.error} title={t('preview.failed')} />}
      {run.data?.action !== undefined && (
        <Paper withBorder p="sm" aria-label={t('preview.rendered')} component="section">
          <RenderedAction action={run.data.action} />
        </Paper>
      )}
      {run.data?.steps?.map((step) => (
        <Paper key={step.id} withBorder p="sm" component="section" aria-label={t('preview.step', { id: step.id, offset: step.offset })} data-step={step.id}>
          <Text fw={600} mb="xs">
            {t('preview.step', { id: step.id, offset: step.offset })}
          </Text>
          <RenderedAction action={step.action} />
        </Paper>
      ))}
    </Stack>
  );
}
