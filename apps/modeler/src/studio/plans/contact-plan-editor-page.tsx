// A contact plan (`*.contact-plan.json`) edited as a form — key, name, description and its steps
// (id, offset, action) — with the engine's preview of every step on sample data, Validate and
// Deploy. Routes: studio/plans/contact-plans/:id (a deployed version), .../new?key=.
import { Button, Grid, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { ContactPlanDetailView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { resourceFileName } from '../rules/api/deploy-resource';
import { contactPlanQuery } from './api/plans.api';
import { STEP_ACTION_TYPES, type ActionDraft } from './form/action-fields';
import { ActionForm } from './form/action-form';
import { DeployButtons } from './form/deploy-buttons';
import { PreviewPanel } from './form/preview-panel';
import { withNewStep, type PlanDraft, type StepDraft } from './form/plan-draft';

export function ContactPlanEditorPage() {
  const { id = 'new' } = useParams();
  const [search] = useSearchParams();
  if (id === 'new') {
    const key = search.get('key') ?? 'new-plan';
    return <ContactPlanEditor key={key} initial={withNewStep({ key, name: key, steps: [] })} />;
  }
  return <DeployedPlan id={id} />;
}

function DeployedPlan({ id }: { id: string }) {
  const version = useQuery(contactPlanQuery(id));
  return (
    <QueryState query={version}>
      {(detail) => <ContactPlanEditor key={detail.id} initial={detail.content as unknown as PlanDraft} deployed={detail} />}
    </QueryState>
  );
}

function ContactPlanEditor({ initial, deployed }: { initial: PlanDraft; deployed?: ContactPlanDetailView }) {
  const { t } = useTranslation('plans');
  const [draft, setDraft] = useState<PlanDraft>(initial);
  const setStep = (index: number, step: StepDraft) => setDraft({ ...draft, steps: draft.steps.map((current, at) => (at === index ? step : current)) });
  return (
    <>
      <PageHeader title={deployed ? t('planVersion', { key: deployed.key, version: deployed.version }) : t('newPlan', { key: draft.key })} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <TextInput label={t('key')} required value={draft.key} onChange={(event) => setDraft({ ...draft, key: event.currentTarget.value })} />
            <TextInput label={t('name')} required value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })} />
            <Textarea
              label={t('description')}
              autosize
              value={draft.description ?? ''}
              onChange={(event) => {
                const next: PlanDraft = { ...draft, description: event.currentTarget.value };
                if (next.description === '') delete next.description;
                setDraft(next);
              }}
            />
            <Title order={2} size="h4">
              {t('steps.title')}
            </Title>
            {draft.steps.map((step, index) => (
              <Paper key={index} withBorder p="sm" component="section" aria-label={t('steps.step', { id: step.id })} data-step={step.id}>
                <Stack gap="xs">
                  <Group align="flex-end" wrap="wrap">
                    <TextInput
                      label={t('steps.id')}
                      required
                      value={step.id}
                      onChange={(event) => setStep(index, { ...step, id: event.currentTarget.value })}
                    />
                    <TextInput
                      label={t('steps.offset')}
                      description={t('steps.offsetHint')}
                      required
                      value={step.offset}
                      onChange={(event) => setStep(index, { ...step, offset: event.currentTarget.value })}
                    />
                    <Button variant="subtle" color="red" onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, at) => at !== index) })}>
                      {t('steps.remove')}
                    </Button>
                  </Group>
                  <ActionForm action={step.action} types={STEP_ACTION_TYPES} onChange={(action: ActionDraft) => setStep(index, { ...step, action })} />
                </Stack>
              </Paper>
            ))}
            <Button variant="light" onClick={() => setDraft(withNewStep(draft))} style={{ alignSelf: 'flex-start' }}>
              {t('steps.add')}
            </Button>
            <DeployButtons
              resource={() => ({ name: resourceFileName(draft.key, '.contact-plan.json', deployed?.resourceName), document: draft })}
              versionIn={(deployment) => deployment.contactPlans[0]}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <PreviewPanel subject={() => ({ contactPlan: draft as unknown as Record<string, unknown> })} />
        </Grid.Col>
      </Grid>
    </>
  );
}
