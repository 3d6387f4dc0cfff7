// Shows its children to a signed-in user; sends anyone else to the sign-in page, which brings
// them back here afterwards. The session is restored from the cookie (GET /auth/session) on load.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Container } from '@mantine/core';
import { ErrorAlert } from '../ui/error-alert';
import { LoadingState } from '../ui/query-state';
import { sessionQuery } from './session.api';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery);
  const location = useLocation();
  if (session.isPending) return <LoadingState />;
  if (session.isError)
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  if (session.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
