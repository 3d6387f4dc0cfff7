// The input of a reference to another record (a lead's organization, a deal's contact): a search
// over the records the user sees of that type (the list API's `q`), the current one named by its
// title. The engine checks the reference on save (400 naming the field when it sees no such record).
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RecordTypeName } from '@stageflow/api-contract';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordQuery } from '../api/record.query';
import { recordListQuery } from '../api/record-list.query';
import { recordTitle, WORKSPACE_RECORD_TYPES, type WorkspaceRecordType } from '../record-kinds';

interface RecordReferenceInputProps {
  recordType: RecordTypeName | undefined;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function isWorkspaceType(type: RecordTypeName | undefined): type is WorkspaceRecordType {
  return WORKSPACE_RECORD_TYPES.includes(type as WorkspaceRecordType);
}

export function RecordReferenceInput({ recordType, label, value, error, onChange }: RecordReferenceInputProps) {
  const { t } = useTranslation('records');
  const type: WorkspaceRecordType = isWorkspaceType(recordType) ? recordType : 'organization';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const current = useQuery({ ...recordQuery(type, value), enabled: value !== '' });
  const found = useInfiniteQuery({
    ...recordListQuery(type, new URLSearchParams(debounced.trim() === '' ? {} : { q: debounced.trim() })),
    placeholderData: keepPreviousData,
  });
  const options = new Map<string, string>();
  if (value !== '') options.set(value, current.data ? recordTitle(type, current.data) || value : value);
  for (const page of found.data?.pages ?? []) for (const item of page.items) options.set(item.id, recordTitle(type, item) || item.id);
  return (
    <Select
      label={label}
      error={error}
      searchable
      clearable
      data={[...options].map(([id, title]) => ({ value: id, label: title }))}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('form.nothingFound')}
      filter={({ options: all }) => all}
    />
  );
}
