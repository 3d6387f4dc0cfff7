// An action template (`*.action.json`) edited as a form — key, name, description and the action
// field by field — with the engine's liquid preview on sample data, Validate and Deploy.
// Routes: studio/plans/action-templates/:id (a deployed version), .../new?key=.
import { Grid, Stack, TextInput, Textarea } from '@mantine/core';
import type { ActionTemplateDetailView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { resourceFileName } from '../rules/api/deploy-resource';
import { actionTemplateQuery } from './api/plans.api';
import { ACTION_TYPES, type ActionDraft } from './form/action-fields';
import { ActionForm } from './form/action-form';
import { DeployButtons } from './form/deploy-buttons';
import { PreviewPanel } from './form/preview-panel';

interface TemplateDraft {
  key: string;
  name: string;
  description?: string;
  action: ActionDraft;
}

export function ActionTemplateEditorPage() {
  const { id = 'new' } = useParams();
  const [search] = useSearchParams();
  if (id === 'new') {
    const key = search.get('key') ?? 'new-action';
    return <ActionTemplateEditor key={key} initial={{ key, name: key, action: { type: 'notifyUser' } }} />;
  }
  return <DeployedTemplate id={id} />;
}

function DeployedTemplate({ id }: { id: string }) {
  const version = useQuery(actionTemplateQuery(id));
  return (
    <QueryState query={version}>
      {(detail) => <ActionTemplateEditor key={detail.id} initial={detail.content as unknown as TemplateDraft} deployed={detail} />}
    </QueryState>
  );
}

function ActionTemplateEditor({ initial, deployed }: { initial: TemplateDraft; deployed?: ActionTemplateDetailView }) {
  const { t } = useTranslation('plans');
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const set = (name: 'key' | 'name' | 'description', value: string) => {
    const next = { ...draft, [name]: value };
    if (name === 'description' && value === '') delete next.description;
    setDraft(next);
  };
  return (
    <>
      <PageHeader title={deployed ? t('templateVersion', { key: deployed.key, version: deployed.version }) : t('newTemplate', { key: draft.key })} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <TextInput label={t('key')} required value={draft.key} onChange={(event) => set('key', event.currentTarget.value)} />
            <TextInput label={t('name')} required value={draft.name} onChange={(event) => set('name', event.currentTarget.value)} />
            <Textarea label={t('description')} autosize value={draft.description ?? ''} onChange={(event) => set('description', event.currentTarget.value)} />
            <ActionForm action={draft.action} types={ACTION_TYPES} onChange={(action) => setDraft({ ...draft, action })} />
            <DeployButtons
              resource={() => ({ name: resourceFileName(draft.key, '.action.json', deployed?.resourceName), document: draft })}
              versionIn={(deployment) => deployment.actionTemplates[0]}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <PreviewPanel subject={() => ({ action: draft.action })} />
        </Grid.Col>
      </Grid>
    </>
  );
}
