// The three states every list and page shows before its data: loading, error (with retry), empty.
import { Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation('app');
  return (
    <Center py="xl" component="output" aria-live="polite" style={{ display: 'flex' }}>
      <Loader size="sm" aria-hidden="true" />
      <Text ml="sm" c="gray.7">
        {label ?? t('state.loading')}
      </Text>
    </Center>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="gray.7" py="lg" ta="center">
      {children}
    </Text>
  );
}

/**
 * Renders `children(data)` once the query has data; before that the loading or error state, and
 * `empty` when `isEmpty(data)` says there is nothing to show.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data) && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
