// The rule-set editor: a deployed version (route studio/rule-sets/:id) or a new rule set
// (studio/rule-sets/new?key=&kind=) edited as rules with the condition builder, beside the JSON view
// — both edit the same document — with the facts it declares, a dry run of the draft, and Validate
// and Deploy (a new version of the key) by the engine, whose problems are shown by rule id and path.
import { Alert, Button, Grid, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { DeploymentView, RuleSetDetailView } from '@stageflow/api-contract';
import type { FactType, HitPolicy, RuleSetKind } from '@stageflow/process-package';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { deployResource, resourceFileName, validateResource } from './api/deploy-resource';
import { factSourcesQuery } from './api/fact-sources.query';
import { ruleSetQuery } from './api/rule-sets.query';
import { rulesKeys } from './api/rules-keys';
import { builderFields, usedFields, type KnownPaths } from './builder/builder-fields';
import { recordFieldPaths } from './builder/known-paths';
import { DryRunPanel } from './editor/dry-run-panel';
import { FactsEditor } from './editor/facts-editor';
import { JsonField } from './editor/json-field';
import { ProblemsList } from './editor/problems-list';
import { ResultForm } from './editor/result-form';
import { RuleCard } from './editor/rule-card';
import { factsOf, newDraft, rulesOf, withFact, withNewRule, withoutFact, withoutRule, withRule, type Draft } from './editor/rule-set-draft';

const KINDS: readonly RuleSetKind[] = ['territory', 'assignment', 'classification', 'actions', 'exitCriteria'];
const HIT_POLICIES: readonly HitPolicy[] = ['first', 'all'];

export function RuleSetEditorPage() {
  const { id = 'new' } = useParams();
  const [search] = useSearchParams();
  if (id === 'new') {
    const kind = (search.get('kind') ?? 'classification') as RuleSetKind;
    return (
      <RuleSetEditor key={`new:${search.toString()}`} initial={newDraft(search.get('key') ?? 'new-rule-set', KINDS.includes(kind) ? kind : 'classification')} />
    );
  }
  return <DeployedRuleSetEditor id={id} />;
}

function DeployedRuleSetEditor({ id }: { id: string }) {
  const version = useQuery(ruleSetQuery(id));
  return <QueryState query={version}>{(detail) => <RuleSetEditor key={detail.id} initial={detail.content as Draft} deployed={detail} />}</QueryState>;
}

/** Known facts offered when declaring one: record fields by name (territory sets on records), record, params. */
function factSuggestions(): Map<string, FactType> {
  const suggestions = new Map<string, FactType>([
    ['record', 'object'],
    ['params', 'object'],
    ['recordType', 'string'],
  ]);
  for (const { path, type } of recordFieldPaths()) suggestions.set(path.slice(2), type);
  return suggestions;
}

function RuleSetEditor({ initial, deployed }: { initial: Draft; deployed?: RuleSetDetailView }) {
  const { t } = useTranslation('rules');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const sources = useQuery(factSourcesQuery);
  const known: KnownPaths = useMemo(() => sources.data ?? { record: recordFieldPaths(), params: [] }, [sources.data]);
  const rules = rulesOf(draft);
  const facts = factsOf(draft);
  const fields = useMemo(
    () =>
      builderFields(
        facts,
        known,
        rules.flatMap((rule) => usedFields(rule.conditions)),
      ),
    [facts, known, rules],
  );
  const suggestions = useMemo(() => factSuggestions(), []);
  const key = typeof draft.key === 'string' ? draft.key : '';
  const resource = { name: resourceFileName(key, '.rule-set.json', deployed?.resourceName), document: draft };

  const validate = useMutation({ mutationFn: () => validateResource(resource) });
  const deploy = useMutation<DeploymentView, Error>({
    mutationFn: () => deployResource(resource),
    onSuccess: async (deployment) => {
      await queryClient.invalidateQueries({ queryKey: rulesKeys.all });
      const version = deployment.ruleSets[0];
      if (version === undefined || !deployment.created) return;
      // The editor moves to the new version; the notification outlives the page.
      notifications.show({
        color: 'teal.9',
        closeButtonProps: { 'aria-label': t('closeNotification') },
        message: t('actions.deployed', { version: version.version, key: version.key }),
      });
      void navigate(`/studio/rule-sets/${version.id}`);
    },
  });
  const change = (next: Draft) => {
    setDraft(next);
    validate.reset();
  };
  const refused = [validate.error, deploy.error].find((error) => error instanceof ApiError);
  const problemsOf = (ruleId: unknown) => (refused instanceof ApiError ? refused.details.filter((detail) => detail.elementId === ruleId) : []);
  const deployedNow = deploy.data?.ruleSets[0];

  return (
    <>
      <PageHeader title={deployed ? t('versionOf', { version: deployed.version, key: deployed.key }) : t('draftOf', { key })}>
        <Button variant="default" onClick={() => validate.mutate()} loading={validate.isPending}>
          {t('actions.validate')}
        </Button>
        <Button onClick={() => deploy.mutate()} loading={deploy.isPending}>
          {t('actions.deploy')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        {validate.isSuccess && (
          <Alert color="green" component="output">
            {t('actions.valid')}
          </Alert>
        )}
        {deployedNow !== undefined && !deploy.data?.created && (
          <Alert color="green" component="output">
            {t('actions.unchanged', { version: deployedNow.version, key: deployedNow.key })}
          </Alert>
        )}
        {validate.isError && <ProblemsList error={validate.error} title={t('actions.problems')} />}
        {deploy.isError && <ProblemsList error={deploy.error} title={t('actions.problems')} />}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <Group align="flex-end" wrap="wrap">
                <TextInput label={t('key')} value={key} onChange={(event) => change({ ...draft, key: event.currentTarget.value })} />
                <TextInput
                  label={t('name')}
                  value={typeof draft.name === 'string' ? draft.name : ''}
                  onChange={(event) => change({ ...draft, name: event.currentTarget.value })}
                />
                <NativeSelect
                  label={t('kind')}
                  value={String(draft.kind)}
                  onChange={(event) => change({ ...draft, kind: event.currentTarget.value })}
                  data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
                />
                <NativeSelect
                  label={t('hitPolicy')}
                  value={String(draft.hitPolicy)}
                  onChange={(event) => change({ ...draft, hitPolicy: event.currentTarget.value })}
                  data={HIT_POLICIES.map((value) => ({ value, label: t(`hitPolicies.${value}`) }))}
                />
              </Group>
              <Textarea
                label={t('description')}
                autosize
                value={typeof draft.description === 'string' ? draft.description : ''}
                onChange={(event) => {
                  const next = { ...draft, description: event.currentTarget.value };
                  if (next.description === '') delete (next as Record<string, unknown>).description;
                  change(next);
                }}
              />
              <FactsEditor
                facts={facts}
                suggestions={suggestions}
                onAdd={(name, type) => change(withFact(draft, name, type))}
                onRemove={(name) => change(withoutFact(draft, name))}
              />
              <Title order={2} size="h4">
                {t('rules.title')}
              </Title>
              {rules.length === 0 && <Text size="sm">{t('rules.none')}</Text>}
              {rules.map((rule, index) => (
                <RuleCard
                  key={index}
                  rule={rule}
                  kind={draft.kind as RuleSetKind}
                  fields={fields}
                  problems={problemsOf(rule.id)}
                  onChange={(next) => change(withRule(draft, index, next))}
                  onRemove={() => change(withoutRule(draft, index))}
                />
              ))}
              <Group>
                <Button variant="light" onClick={() => change(withNewRule(draft))}>
                  {t('rules.add')}
                </Button>
              </Group>
              <ResultForm
                kind={draft.kind as RuleSetKind}
                label={t('rules.fallback')}
                value={draft.fallback ?? null}
                onChange={(fallback) => {
                  const next = { ...draft, fallback };
                  if (fallback === null || (typeof fallback === 'object' && Object.keys(fallback as object).length === 0))
                    delete (next as Record<string, unknown>).fallback;
                  change(next);
                }}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <JsonField
              label={t('json.label')}
              value={draft}
              minRows={20}
              onChange={(value) => change(value as Draft)}
              invalidMessage={(message) => t('json.invalid', { message })}
              check={(value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : t('json.notObject'))}
            />
          </Grid.Col>
        </Grid>
        <DryRunPanel draft={draft} />
      </Stack>
    </>
  );
}
