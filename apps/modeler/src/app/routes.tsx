// The route table. A feature adds its screen here (one line: path, roles, lazy page with its i18n
// namespaces, and optionally the reads it starts with) and its entry in navigation.ts. Pages load
// lazily, so the first screen carries only the shell's JavaScript; when the app starts on a page,
// route-prefetch.ts fetches its chunk, its namespaces and its first reads at once, beside the session check.
import { definitionStatisticsQuery } from '../studio/processes/api/definition-statistics.query';
import { packagesQuery } from '../studio/processes/api/packages.query';
import { processDefinitionsQuery } from '../studio/processes/api/process-definitions.query';
import { prefetchBoard } from '../workspace/board/board.prefetch';
import type { Role } from './auth/roles';
import { lazyPage, type LazyPage } from './lazy-page';
import { ADMIN_ROLES, STUDIO_ROLES, WORKSPACE_ROLES } from './navigation';
import type { RoutePrefetch } from './route-prefetch';

export interface AppRoute {
  /** Below `/`, without the leading slash (`studio/processes`, `studio/processes/:key`). */
  path: string;
  roles: readonly Role[];
  Page: LazyPage;
  /** The reads the page starts with, asked for when the app starts on it (not on later navigations). */
  prefetch?: RoutePrefetch;
}

export const appRoutes: readonly AppRoute[] = [
  {
    path: 'studio/processes',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/processes/processes-page'), 'ProcessesPage', ['processes']),
    prefetch: ({ queryClient }) => {
      void queryClient.prefetchQuery(processDefinitionsQuery);
      void queryClient.prefetchQuery(definitionStatisticsQuery);
      void queryClient.prefetchQuery(packagesQuery);
    },
  },
  {
    path: 'studio/modeler',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/modeler/page/modeler-page'), 'ModelerPage', ['modeler', 'conditionBuilder']),
  },
  {
    path: 'studio/modeler/:key',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/modeler/page/modeler-page'), 'ModelerPage', ['modeler', 'conditionBuilder']),
  },
  {
    path: 'studio/instances',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/instances/explorer/instance-explorer-page'), 'InstanceExplorerPage', ['instances']),
  },
  {
    path: 'studio/instances/:id',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/instances/live/instance-live-page'), 'InstanceLivePage', ['instances']),
  },
  {
    path: 'studio/processes/:key/versions/:version/live',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/instances/version-live/version-live-page'), 'VersionLivePage', ['instances']),
  },
  { path: 'studio/rule-sets', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/rules/rule-sets-page'), 'RuleSetsPage', ['rules']) },
  { path: 'studio/rule-sets/:id', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/rules/rule-set-editor-page'), 'RuleSetEditorPage', ['rules']) },
  { path: 'studio/plans', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/plans/plans-page'), 'PlansPage', ['plans']) },
  {
    path: 'studio/plans/action-templates/:id',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/plans/action-template-editor-page'), 'ActionTemplateEditorPage', ['plans']),
  },
  {
    path: 'studio/plans/contact-plans/:id',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/plans/contact-plan-editor-page'), 'ContactPlanEditorPage', ['plans']),
  },
  { path: 'studio/parameters', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/parameters/parameters-page'), 'ParametersPage', ['parameters']) },
  {
    path: 'studio/parameters/:name',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/parameters/package-parameters-page'), 'PackageParametersPage', ['parameters']),
  },
  { path: 'studio/versions', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/versions/versions-page'), 'VersionsPage', ['versions']) },
  { path: 'studio/versions/:key', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/versions/versions-page'), 'VersionsPage', ['versions']) },
  {
    path: 'workspace/board',
    roles: WORKSPACE_ROLES,
    Page: lazyPage(() => import('../workspace/board/board-page'), 'BoardPage', ['board']),
    prefetch: prefetchBoard,
  },
  { path: 'workspace', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/tasks/my-tasks-page'), 'MyTasksPage', ['workspaceTasks']) },
  {
    path: 'workspace/records/:type',
    roles: WORKSPACE_ROLES,
    Page: lazyPage(() => import('../workspace/records/record-list-page'), 'RecordListPage', ['records']),
  },
  { path: 'workspace/records/:type/:id', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/records/record-page'), 'RecordPage', ['records']) },
  { path: 'workspace/tasks', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/tasks/my-tasks-page'), 'MyTasksPage', ['workspaceTasks']) },
  { path: 'workspace/tasks/:id', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/tasks/my-tasks-page'), 'MyTasksPage', ['workspaceTasks']) },
  { path: 'workspace/agenda', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/agenda/agenda-page'), 'AgendaPage', ['workspaceAgenda']) },
  { path: 'admin/users', roles: ADMIN_ROLES, Page: lazyPage(() => import('../admin/users/users-page'), 'UsersPage', ['adminUsers']) },
  { path: 'admin/teams', roles: ADMIN_ROLES, Page: lazyPage(() => import('../admin/teams/teams-page'), 'TeamsPage', ['adminTeams']) },
  {
    path: 'admin/territories',
    roles: ADMIN_ROLES,
    Page: lazyPage(() => import('../admin/territories/territories-page'), 'TerritoriesPage', ['adminTerritories']),
  },
];
