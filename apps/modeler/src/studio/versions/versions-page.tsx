// Versions side by side:
//   /studio/versions                          pick a process
//   /studio/versions/:key                     its latest version, read-only
//   /studio/versions/:key?version=3           that version
//   /studio/versions/:key?version=3&compare=2 version 3 against version 2: the differences on both diagrams and listed
// bpmn-js and bpmn-js-differ load lazily with the diagrams (version-diagrams.tsx), not with this page.
import { Group, Select } from '@mantine/core';
import type { ProcessDefinitionView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/layout/page-header';
import { ErrorAlert } from '../../app/ui/error-alert';
import { EmptyState, LoadingState, QueryState } from '../../app/ui/query-state';
import { definitionVersionsQuery } from '../modeler/api/definition-versions.query';
import { definitionDiagramQuery } from './api/definition-diagram.query';
import { latestDefinitionsQuery } from './api/latest-definitions.query';

const VersionDiagrams = lazy(async () => ({ default: (await import('./version-diagrams')).VersionDiagrams }));

export function VersionsPage() {
  const { key } = useParams<{ key?: string }>();
  return key === undefined ? <ChooseProcess /> : <ProcessVersions processKey={key} />;
}

function ChooseProcess() {
  const { t } = useTranslation('versions');
  return (
    <>
      <PageHeader title={t('title')}>
        <ProcessSelect />
      </PageHeader>
      <EmptyState>{t('chooseProcess')}</EmptyState>
    </>
  );
}

/** The processes to choose from, by name (their latest version's), each opening its versions. */
function ProcessSelect({ value }: { value?: string }) {
  const { t } = useTranslation('versions');
  const navigate = useNavigate();
  const processes = useQuery(latestDefinitionsQuery);
  return (
    <Select
      label={t('process')}
      placeholder={processes.isPending ? t('loadingProcesses') : t('chooseProcessShort')}
      data={(processes.data?.items ?? []).map((definition) => ({ value: definition.key, label: definition.name ?? definition.key }))}
      value={value ?? null}
      onChange={(key) => key && void navigate(`/studio/versions/${encodeURIComponent(key)}`)}
      error={processes.isError ? t('processesFailed') : undefined}
      searchable
      allowDeselect={false}
      w={260}
    />
  );
}

function ProcessVersions({ processKey }: { processKey: string }) {
  const { t } = useTranslation('versions');
  const versions = useQuery(definitionVersionsQuery(processKey));
  return (
    <QueryState query={versions} isEmpty={(page) => page.items.length === 0} empty={t('noProcess', { key: processKey })}>
      {(page) => <VersionsOf processKey={processKey} versions={page.items} />}
    </QueryState>
  );
}

function VersionsOf({ processKey, versions }: { processKey: string; versions: ProcessDefinitionView[] }) {
  const { t } = useTranslation('versions');
  const [search, setSearch] = useSearchParams();
  const byNumber = (value: string | null) => versions.find((item) => String(item.version) === value);
  const shown = byNumber(search.get('version')) ?? versions[0]!;
  const compared = byNumber(search.get('compare'));
  const before = compared && compared.id !== shown.id ? compared : undefined;
  const options = versions.map((item, index) => ({
    value: String(item.version),
    label: index === 0 ? t('latestOption', { version: item.version }) : t('versionOption', { version: item.version }),
  }));
  const choose = (version: string, compare: string | undefined) => setSearch(compare ? { version, compare } : { version });
  return (
    <>
      <PageHeader title={t('titleOf', { name: shown.name ?? shown.key })}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <ProcessSelect value={processKey} />
          <Select
            label={t('version')}
            data={options}
            value={String(shown.version)}
            onChange={(version) => version && choose(version, before ? String(before.version) : undefined)}
            allowDeselect={false}
            w={170}
          />
          <Select
            label={t('compareWith')}
            placeholder={t('noComparison')}
            data={options.filter((option) => option.value !== String(shown.version))}
            value={before ? String(before.version) : null}
            onChange={(compare) => choose(String(shown.version), compare ?? undefined)}
            clearable
            w={190}
          />
        </Group>
      </PageHeader>
      <Diagrams afterId={shown.id} beforeId={before?.id} />
    </>
  );
}

function Diagrams({ afterId, beforeId }: { afterId: string; beforeId?: string }) {
  const after = useQuery(definitionDiagramQuery(afterId));
  const before = useQuery({ ...definitionDiagramQuery(beforeId ?? ''), enabled: beforeId !== undefined });
  const failed = [after, before].find((query) => query.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!after.data || (beforeId !== undefined && !before.data)) return <LoadingState />;
  return (
    <Suspense fallback={<LoadingState />}>
      <VersionDiagrams after={after.data} before={beforeId !== undefined ? before.data : undefined} />
    </Suspense>
  );
}
