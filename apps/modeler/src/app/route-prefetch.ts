// What a page reads first, asked for as soon as the app starts on it. Without this the start is a
// chain: the entry script, then React renders RequireSession, which asks GET /auth/session; only its
// answer renders the route, whose lazy chunk is then fetched; only once that ran does the page ask
// for its data. startRoute runs in main.tsx before React's first render: the session check,
// the page's chunk and namespaces and its first reads all go out at once (docs/performance.md,
// "Time to the process list"). The page's own useQuery calls then find the requests in flight
// (same query keys), so nothing is read twice; a read refused for want of a session (401) is dropped
// with everything cached when the user signs in (useSignIn).
import type { SessionUser } from '@stageflow/api-contract';
import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type Params } from 'react-router';
import { sessionQuery } from './auth/session.api';

export interface RouteStart {
  queryClient: QueryClient;
  params: Params;
  search: URLSearchParams;
  /** The signed-in user (null without a session): for reads that depend on the roles. */
  session: Promise<SessionUser | null>;
}

/** Starts a page's first reads; must not wait for anything (the session is a promise to chain on). */
export type RoutePrefetch = (start: RouteStart) => void;

export interface StartableRoute {
  path: string;
  Page: { preload: () => Promise<unknown> };
  prefetch?: RoutePrefetch;
}

/**
 * At the app's start: asks for the session, and when `location` is one of `routes`, fetches that
 * page's chunk and namespaces and starts its first reads, all in parallel. Resolves once the page's
 * chunk and namespaces are in (or failed), so the first render can draw the page without a fallback.
 */
export function startRoute(queryClient: QueryClient, routes: readonly StartableRoute[], location: Pick<Location, 'pathname' | 'search'>): Promise<unknown> {
  const session = queryClient.fetchQuery(sessionQuery).catch(() => null);
  // The same ranking as the router's (static segments before parameters).
  const matched = matchRoutes(
    routes.map((route) => ({ path: route.path, handle: route })),
    location.pathname,
  )?.at(-1);
  if (matched === undefined) return Promise.resolve();
  const route = matched.route.handle as StartableRoute;
  // A failed chunk is reported by the page's own lazy load when React renders it.
  const page = route.Page.preload().catch(() => undefined);
  route.prefetch?.({ queryClient, params: matched.params, search: new URLSearchParams(location.search), session });
  return page;
}
