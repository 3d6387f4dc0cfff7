// The cookie session: POST /auth/session signs in (the engine sets an httpOnly cookie), GET restores
// it after a reload, DELETE signs out. Each answer carries the CSRF token for the writes that follow.
import type { SessionResponse, SessionUser } from '@stageflow/api-contract';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { setCsrfToken } from '../api/csrf-token';

export type { SessionUser };

export const sessionKeys = { current: ['session'] as const };

/** The signed-in user, or null without a valid session cookie. */
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const session = await apiFetch<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/**
 * After a sign-out or an ended session: no user, and nothing cached for them. The session query is
 * set, not removed, so the screens watching it see the change (a cleared cache leaves them on a query
 * that no longer exists).
 */
export function forgetUser(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionKeys.current, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.current[0] });
}

export const sessionQuery = queryOptions({ queryKey: sessionKeys.current, queryFn: fetchSession, staleTime: Infinity, retry: false });

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const session = await apiFetch<SessionResponse>('/auth/session', { method: 'POST', json: { username, password } });
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function signOut(): Promise<void> {
  try {
    await apiFetch<void>('/auth/session', { method: 'DELETE' });
  } finally {
    setCsrfToken(undefined);
  }
}
