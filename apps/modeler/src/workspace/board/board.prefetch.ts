// What the board reads when the app starts on it (app/route-prefetch.ts): the board itself first,
// with the filters of the address; a manager's filter lists (users, teams, territories, products)
// only once the board has answered, so they never compete with it — the board is what the user waits
// for, the lists only fill the filters' drop-downs (board-filters.tsx waits for the board the same way).
import type { RoutePrefetch } from '../../app/route-prefetch';
import { hasAnyRole } from '../../app/auth/roles';
import { boardQuery, filtersFrom, productsQuery, teamsQuery, territoriesQuery, usersQuery } from './api/board.api';

/** Who sees the filters (board-page.tsx). */
export const FILTER_ROLES = ['manager', 'admin'] as const;

export const prefetchBoard: RoutePrefetch = ({ queryClient, search, session }) => {
  const board = queryClient.prefetchQuery(boardQuery(filtersFrom(search), true));
  void Promise.all([board, session]).then(([, user]) => {
    if (user === null || !hasAnyRole(user.roles, FILTER_ROLES)) return;
    void queryClient.prefetchQuery(usersQuery);
    void queryClient.prefetchQuery(teamsQuery);
    void queryClient.prefetchQuery(territoriesQuery);
    void queryClient.prefetchQuery(productsQuery);
  });
};
