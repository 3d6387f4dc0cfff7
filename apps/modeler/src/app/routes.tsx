// The route table. A feature adds its screen here (one line: path, roles, lazy page) and its entry
// in navigation.ts. Pages load lazily, so the first screen carries only the shell's JavaScript.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './auth/roles';
import { ADMIN_ROLES, STUDIO_ROLES, WORKSPACE_ROLES } from './navigation';

export interface AppRoute {
  /** Below `/`, without the leading slash (`studio/processes`, `studio/processes/:key`). */
  path: string;
  roles: readonly Role[];
  Page: LazyExoticComponent<ComponentType>;
}

/** React.lazy for a module's named export: `lazyPage(() => import('./x-page'), 'XPage')`. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const appRoutes: readonly AppRoute[] = [
  { path: 'studio/processes', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/processes/processes-page'), 'ProcessesPage') },
  { path: 'studio/modeler', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/modeler/page/modeler-page'), 'ModelerPage') },
  { path: 'studio/modeler/:key', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/modeler/page/modeler-page'), 'ModelerPage') },
  {
    path: 'studio/instances',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/instances/explorer/instance-explorer-page'), 'InstanceExplorerPage'),
  },
  { path: 'studio/instances/:id', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/instances/live/instance-live-page'), 'InstanceLivePage') },
  {
    path: 'studio/processes/:key/versions/:version/live',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/instances/version-live/version-live-page'), 'VersionLivePage'),
  },
  { path: 'studio/rule-sets', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/rules/rule-sets-page'), 'RuleSetsPage') },
  { path: 'studio/rule-sets/:id', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/rules/rule-set-editor-page'), 'RuleSetEditorPage') },
  { path: 'studio/plans', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/plans/plans-page'), 'PlansPage') },
  {
    path: 'studio/plans/action-templates/:id',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/plans/action-template-editor-page'), 'ActionTemplateEditorPage'),
  },
  {
    path: 'studio/plans/contact-plans/:id',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/plans/contact-plan-editor-page'), 'ContactPlanEditorPage'),
  },
  { path: 'studio/parameters', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/parameters/parameters-page'), 'ParametersPage') },
  {
    path: 'studio/parameters/:name',
    roles: STUDIO_ROLES,
    Page: lazyPage(() => import('../studio/parameters/package-parameters-page'), 'PackageParametersPage'),
  },
  { path: 'studio/versions', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/versions/versions-page'), 'VersionsPage') },
  { path: 'studio/versions/:key', roles: STUDIO_ROLES, Page: lazyPage(() => import('../studio/versions/versions-page'), 'VersionsPage') },
  { path: 'workspace/board', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/board/board-page'), 'BoardPage') },
  { path: 'workspace', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/tasks/my-tasks-page'), 'MyTasksPage') },
  { path: 'workspace/records/:type', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/records/record-list-page'), 'RecordListPage') },
  { path: 'workspace/records/:type/:id', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/records/record-page'), 'RecordPage') },
  { path: 'workspace/tasks', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/tasks/my-tasks-page'), 'MyTasksPage') },
  { path: 'workspace/tasks/:id', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/tasks/my-tasks-page'), 'MyTasksPage') },
  { path: 'workspace/agenda', roles: WORKSPACE_ROLES, Page: lazyPage(() => import('../workspace/agenda/agenda-page'), 'AgendaPage') },
  { path: 'admin/users', roles: ADMIN_ROLES, Page: lazyPage(() => import('../admin/users/users-page'), 'UsersPage') },
  { path: 'admin/teams', roles: ADMIN_ROLES, Page: lazyPage(() => import('../admin/teams/teams-page'), 'TeamsPage') },
  { path: 'admin/territories', roles: ADMIN_ROLES, Page: lazyPage(() => import('../admin/territories/territories-page'), 'TerritoriesPage') },
];
