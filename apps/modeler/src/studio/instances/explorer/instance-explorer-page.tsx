// The instance explorer: every instance the user sees, newest first, filtered by process, version,
// state, business key and open incidents (the filters live in the address), a page at a time.
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ProcessInstanceListItemView } from '@stageflow/api-contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../../app/format';
import { PageHeader } from '../../../app/layout/page-header';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { EmptyState, LoadingState } from '../../../app/ui/query-state';
import { instanceListQuery, type InstanceListFilter } from '../api/instance-list.query';
import { processesQuery, processVersionsQuery } from '../api/process-versions.queries';
import { instancePath } from '../instance-paths';
import { StateBadge } from '../ui/state-badge';
import { filterFromSearch, INSTANCE_STATES, searchFromFilter } from './explorer-filter';

export function InstanceExplorerPage() {
  const { t } = useTranslation('instances');
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const setFilter = (next: InstanceListFilter): void => setSearch(searchFromFilter(next));
  const list = useInfiniteQuery(instanceListQuery(filter));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('explorer.title')} />
      <Stack>
        <ExplorerFilters filter={filter} onChange={setFilter} />
        {list.isPending && <LoadingState />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && <EmptyState>{t('explorer.empty')}</EmptyState>}
        {list.isSuccess && items.length > 0 && (
          <>
            <Text size="sm" c="gray.7" aria-live="polite">
              {t('explorer.shown', { count: items.length, formatted: formatNumber(items.length) })}
            </Text>
            <InstanceTable items={items} />
            <Group justify="center">
              {list.hasNextPage ? (
                <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('explorer.loadMore')}
                </Button>
              ) : (
                <Text size="sm" c="gray.7">
                  {t('explorer.all')}
                </Text>
              )}
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

function ExplorerFilters({ filter, onChange }: { filter: InstanceListFilter; onChange: (filter: InstanceListFilter) => void }) {
  const { t } = useTranslation('instances');
  const processes = useQuery(processesQuery);
  const versions = useQuery({ ...processVersionsQuery(filter.definitionKey ?? ''), enabled: filter.definitionKey !== undefined });
  const [businessKey, setBusinessKey] = useState(filter.businessKey ?? '');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onChange({ ...filter, businessKey: businessKey.trim() || undefined });
  };
  const processOptions = [
    { value: '', label: t('explorer.anyProcess') },
    ...(processes.data?.items ?? []).map((definition) => ({
      value: definition.key,
      label: definition.name ? `${definition.name} (${definition.key})` : definition.key,
    })),
  ];
  // A process given in the address but not (yet) listed stays choosable.
  if (filter.definitionKey && !processOptions.some((option) => option.value === filter.definitionKey))
    processOptions.push({ value: filter.definitionKey, label: filter.definitionKey });
  const versionOptions = [
    { value: '', label: filter.definitionKey ? t('explorer.anyVersion') : t('explorer.versionNeedsProcess') },
    ...(versions.data?.items ?? []).map((definition) => ({ value: String(definition.version), label: String(definition.version) })),
  ];

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label={t('explorer.filters')}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect
          label={t('explorer.process')}
          data={processOptions}
          value={filter.definitionKey ?? ''}
          onChange={(event) => onChange({ ...filter, definitionKey: event.currentTarget.value || undefined, version: undefined })}
        />
        <NativeSelect
          label={t('explorer.version')}
          data={versionOptions}
          value={filter.version === undefined ? '' : String(filter.version)}
          disabled={!filter.definitionKey}
          onChange={(event) => onChange({ ...filter, version: event.currentTarget.value ? Number(event.currentTarget.value) : undefined })}
        />
        <NativeSelect
          label={t('explorer.state')}
          data={[{ value: '', label: t('explorer.anyState') }, ...INSTANCE_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))]}
          value={filter.state ?? ''}
          onChange={(event) => {
            const state = INSTANCE_STATES.find((candidate) => candidate === event.currentTarget.value);
            onChange({ ...filter, state });
          }}
        />
        <NativeSelect
          label={t('explorer.incident')}
          data={[
            { value: '', label: t('explorer.anyIncident') },
            { value: 'true', label: t('explorer.withIncident') },
            { value: 'false', label: t('explorer.withoutIncident') },
          ]}
          value={filter.hasIncident === undefined ? '' : String(filter.hasIncident)}
          onChange={(event) => onChange({ ...filter, hasIncident: event.currentTarget.value === '' ? undefined : event.currentTarget.value === 'true' })}
        />
        <TextInput
          label={t('explorer.businessKey')}
          placeholder={t('explorer.businessKeyPlaceholder')}
          value={businessKey}
          onChange={(event) => setBusinessKey(event.currentTarget.value)}
        />
        <Button type="submit">{t('explorer.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setBusinessKey('');
            onChange({});
          }}
        >
          {t('explorer.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

function InstanceTable({ items }: { items: ProcessInstanceListItemView[] }) {
  const { t } = useTranslation('instances');
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('explorer.instance')}</Table.Th>
            <Table.Th>{t('explorer.process')}</Table.Th>
            <Table.Th>{t('explorer.businessKey')}</Table.Th>
            <Table.Th>{t('explorer.state')}</Table.Th>
            <Table.Th>{t('explorer.waitingAt')}</Table.Th>
            <Table.Th>{t('explorer.started')}</Table.Th>
            <Table.Th>{t('explorer.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((instance) => (
            <Table.Tr key={instance.id}>
              <Table.Td>
                <Anchor component={Link} to={instancePath(instance.id)} aria-label={t('explorer.openLabel', { id: instance.id })} ff="monospace">
                  {instance.id.slice(0, 8)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {instance.definitionKey} · v{instance.version}
              </Table.Td>
              <Table.Td>{instance.businessKey ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StateBadge state={instance.state} />
              </Table.Td>
              <Table.Td>{instance.activeElementIds.join(', ') || '—'}</Table.Td>
              <Table.Td>{formatDateTime(instance.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(instance.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
