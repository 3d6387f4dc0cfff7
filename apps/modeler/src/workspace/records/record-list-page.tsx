// A type's list (/workspace/records/:type): the records the caller sees, searched, filtered and
// sorted by the engine, a page at a time with its cursor. Filters live in the address.
import { Anchor, Button, Checkbox, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { RecordField, RecordView } from '@stageflow/api-contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/auth/use-session';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ErrorAlert } from '../../app/ui/error-alert';
import { EmptyState, LoadingState } from '../../app/ui/query-state';
import { catalogQuery } from './api/catalog.query';
import { recordListQuery } from './api/record-list.query';
import { useFieldLabel } from './fields/record-fields-card';
import { enumLabel } from './fields/enum-label';
import { FieldValue } from './fields/field-value';
import { choiceFilters, listQueryOf, sortOptions } from './list/list-params';
import { definitionOf, recordHref, recordTitle, recordTypeFrom, type WorkspaceRecordType } from './record-kinds';

/** The columns besides the name: a few telling fields per type. */
const COLUMNS: Record<WorkspaceRecordType, string[]> = {
  organization: ['industry', 'territory'],
  contact: ['emails', 'phones'],
  lead: ['status', 'classification', 'channel'],
  opportunity: ['stage', 'value', 'expectedDecisionDate'],
};

export function RecordListPage() {
  const { t } = useTranslation('records');
  const type = recordTypeFrom(useParams().type);
  if (!type) return <EmptyState>{t('notFound.text')}</EmptyState>;
  return <RecordList key={type} type={type} />;
}

function RecordList({ type }: { type: WorkspaceRecordType }) {
  const { t } = useTranslation('records');
  const label = useFieldLabel();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const [text, setText] = useState(search.get('q') ?? '');
  const set = (name: string, value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  // The address (and so the engine's query) follows the typed text once typing pauses.
  const setQuery = useDebouncedCallback((value: string) => set('q', value.trim()), 300);
  const list = useInfiniteQuery(recordListQuery(type, listQueryOf(type, search, user.id)));
  const fields = COLUMNS[type].map((name) => definitionOf(type).fields.find((field) => field.name === name)!);
  const records = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t(`types.${type}.plural`)} />
      <Group component="search" align="flex-end" gap="sm" mb="md" wrap="wrap" aria-label={t('list.filters')}>
        <TextInput
          label={t('list.search')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setQuery(event.currentTarget.value);
          }}
          w={240}
        />
        {choiceFilters(type).map((field) => (
          <ChoiceFilter key={field.name} field={field} label={label(field)} value={search.get(field.name) ?? ''} onChange={(value) => set(field.name, value)} />
        ))}
        <NativeSelect
          label={t('list.sort')}
          value={search.get('sort') ?? '-createdAt'}
          data={sortOptions(type).map((option) => ({
            value: option.value,
            label: t(option.descending ? 'list.descending' : 'list.ascending', { field: label({ name: option.field }) }),
          }))}
          onChange={(event) => set('sort', event.currentTarget.value === '-createdAt' ? '' : event.currentTarget.value)}
        />
        <Checkbox
          label={t('list.mine')}
          checked={search.get('mine') === '1'}
          onChange={(event) => set('mine', event.currentTarget.checked ? '1' : '')}
          mb={8}
        />
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : records.length === 0 ? (
        <EmptyState>{t('list.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover aria-label={t(`types.${type}.plural`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.name')}</Table.Th>
                {fields.map((field) => (
                  <Table.Th key={field.name}>{label(field)}</Table.Th>
                ))}
                <Table.Th>{label({ name: 'createdAt' })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record: RecordView) => (
                <Table.Tr key={record.id}>
                  <Table.Td>
                    <Anchor component={Link} to={recordHref(type, record.id)}>
                      {recordTitle(type, record) || t('related.untitled')}
                    </Anchor>
                  </Table.Td>
                  {fields.map((field) => (
                    <Table.Td key={field.name}>
                      <FieldValue field={field} record={record} />
                    </Table.Td>
                  ))}
                  <Table.Td>{formatDate(record.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button variant="default" mt="md" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
    </>
  );
}

function ChoiceFilter({ field, label, value, onChange }: { field: RecordField; label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('records');
  const catalog = useQuery({ ...catalogQuery(field.catalog ?? ''), enabled: field.kind === 'catalog' });
  const options =
    field.kind === 'catalog'
      ? (catalog.data?.items ?? []).map((item) => ({ value: item.key, label: item.label }))
      : (field.values ?? []).map((key) => ({ value: key, label: enumLabel(t, field, key) }));
  return (
    <NativeSelect
      label={label}
      value={value}
      data={[{ value: '', label: t('list.any') }, ...options]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
