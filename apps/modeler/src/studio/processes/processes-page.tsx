// The studio's start page: the processes with their versions, running instances and incidents, and
// the packages that deployed them (who, when).
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/page-header';
import { EmptyState, LoadingState, QueryState } from '../../app/ui/query-state';
import { ErrorAlert } from '../../app/ui/error-alert';
import { definitionStatisticsQuery } from './api/definition-statistics.query';
import { packagesQuery } from './api/packages.query';
import { processDefinitionsQuery } from './api/process-definitions.query';
import { PackagesTable } from './packages-table';
import { ProcessDefinitionsTable } from './process-definitions-table';
import { processRows } from './process-rows';

export function ProcessesPage() {
  const { t } = useTranslation('processes');
  const definitionsHeading = useId();
  const packagesHeading = useId();
  const definitions = useQuery(processDefinitionsQuery);
  const statistics = useQuery(definitionStatisticsQuery);
  const packages = useQuery(packagesQuery);
  const failed = [definitions, statistics, packages].find((query) => query.isError);

  return (
    <>
      <PageHeader title={t('title')} />
      <Stack gap="xl">
        <section aria-labelledby={definitionsHeading}>
          <Title order={2} size="h3" id={definitionsHeading}>
            {t('definitions')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('definitionsIntro')}
          </Text>
          {failed ? (
            <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />
          ) : definitions.data && statistics.data && packages.data ? (
            definitions.data.length === 0 ? (
              <EmptyState>{t('noDefinitions')}</EmptyState>
            ) : (
              <ProcessDefinitionsTable rows={processRows(definitions.data, statistics.data.items, packages.data)} labelledBy={definitionsHeading} />
            )
          ) : (
            <LoadingState />
          )}
        </section>
        <section aria-labelledby={packagesHeading}>
          <Title order={2} size="h3" id={packagesHeading}>
            {t('packages')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('packagesIntro')}
          </Text>
          <QueryState query={packages} isEmpty={(list) => list.length === 0} empty={t('noPackages')}>
            {(list) => <PackagesTable packages={list} labelledBy={packagesHeading} />}
          </QueryState>
        </section>
      </Stack>
    </>
  );
}
