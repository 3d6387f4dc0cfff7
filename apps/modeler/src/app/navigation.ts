// The navigation by role: one entry per screen, grouped in sections. A feature adds its entry here
// (one line) beside its route in routes.tsx; the shell shows a user the entries their roles allow.
import type { Role } from './auth/roles';
import { hasAnyRole } from './auth/roles';

export type NavigationSection = 'studio' | 'workspace' | 'admin';

export interface NavigationItem {
  section: NavigationSection;
  /** The route's path, absolute. */
  to: string;
  /** i18n key of the shell's namespace (`app:navigation.processes`): the navigation shows on every screen, so its
   * labels are bundled with the shell, not loaded with the pages they lead to (app/i18n.ts). */
  label: string;
  roles: readonly Role[];
}

/** Who sees what (ARCHITECTURE: an analyst the studio, a seller the workspace, an admin both and the administration). */
export const STUDIO_ROLES: readonly Role[] = ['analyst', 'integrator', 'admin'];
export const WORKSPACE_ROLES: readonly Role[] = ['seller', 'manager', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

export const SECTIONS: readonly { id: NavigationSection; label: string }[] = [
  { id: 'studio', label: 'app:navigation.studio' },
  { id: 'workspace', label: 'app:navigation.workspace' },
  { id: 'admin', label: 'app:navigation.admin' },
];

export const navigationItems: readonly NavigationItem[] = [
  { section: 'studio', to: '/studio/processes', label: 'app:navigation.processes', roles: STUDIO_ROLES },
  { section: 'studio', to: '/studio/modeler', label: 'app:navigation.modeler', roles: STUDIO_ROLES },
  { section: 'studio', to: '/studio/instances', label: 'app:navigation.instances', roles: STUDIO_ROLES },
  { section: 'studio', to: '/studio/rule-sets', label: 'app:navigation.ruleSets', roles: STUDIO_ROLES },
  { section: 'studio', to: '/studio/plans', label: 'app:navigation.plans', roles: STUDIO_ROLES },
  { section: 'studio', to: '/studio/parameters', label: 'app:navigation.parameters', roles: STUDIO_ROLES },
  { section: 'studio', to: '/studio/versions', label: 'app:navigation.versions', roles: STUDIO_ROLES },
  { section: 'workspace', to: '/workspace/tasks', label: 'app:navigation.myTasks', roles: WORKSPACE_ROLES },
  { section: 'workspace', to: '/workspace/records/organization', label: 'app:navigation.organizations', roles: WORKSPACE_ROLES },
  { section: 'workspace', to: '/workspace/records/contact', label: 'app:navigation.contacts', roles: WORKSPACE_ROLES },
  { section: 'workspace', to: '/workspace/records/lead', label: 'app:navigation.leads', roles: WORKSPACE_ROLES },
  { section: 'workspace', to: '/workspace/records/opportunity', label: 'app:navigation.opportunities', roles: WORKSPACE_ROLES },
  { section: 'workspace', to: '/workspace/board', label: 'app:navigation.board', roles: WORKSPACE_ROLES },
  { section: 'workspace', to: '/workspace/agenda', label: 'app:navigation.agenda', roles: WORKSPACE_ROLES },
  { section: 'admin', to: '/admin/users', label: 'app:navigation.users', roles: ADMIN_ROLES },
  { section: 'admin', to: '/admin/teams', label: 'app:navigation.teams', roles: ADMIN_ROLES },
  { section: 'admin', to: '/admin/territories', label: 'app:navigation.territories', roles: ADMIN_ROLES },
];

/** The sections with the entries `roles` may see, in order; sections without any are left out. */
export function navigationFor(roles: readonly string[]): { id: NavigationSection; label: string; items: NavigationItem[] }[] {
  return SECTIONS.map((section) => ({
    ...section,
    items: navigationItems.filter((item) => item.section === section.id && hasAnyRole(roles, item.roles)),
  })).filter((section) => section.items.length > 0);
}

/** Where a user lands after sign-in: the first entry their roles allow. */
export function homePathFor(roles: readonly string[]): string | undefined {
  return navigationFor(roles)[0]?.items[0]?.to;
}
