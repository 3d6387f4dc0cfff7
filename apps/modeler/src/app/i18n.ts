// All text of the interface goes through i18next. Each feature keeps its English texts in
// `src/<area>/<feature>/locales/en.json` as a namespace of its own, registered here (one line).
// Only the shell's namespaces are bundled into the first screen's script (every screen shows them);
// a page's namespaces are loaded with the page (`lazyPage(…, { namespaces })` in routes.tsx starts
// them beside its chunk), so the English of twenty features does not weigh on every start (issue 13).
// A namespace nobody announced still loads on first use: `useTranslation('x')` suspends until it is
// there (the page's Suspense shows the loading state), so a forgotten declaration costs a round trip,
// never a key shown as text.
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import workspaceNotifications from '../workspace/notifications/locales/en.json';
import workspaceQuickAdd from '../workspace/quick-add/locales/en.json';
import workspaceSearch from '../workspace/search/locales/en.json';
import app from './locales/en.json';

/** The shell's texts: the frame, the navigation, the workspace's header tools (search, quick add, bell). */
const bundled = { app, workspaceSearch, workspaceQuickAdd, workspaceNotifications } as const;

/** Every page's namespace: a JSON chunk of its own, fetched when a page that uses it opens. */
const lazyNamespaces = {
  processes: () => import('../studio/processes/locales/en.json'),
  versions: () => import('../studio/versions/locales/en.json'),
  conditionBuilder: () => import('../studio/modeler/conditions/locales/en.json'),
  modeler: () => import('../studio/modeler/locales/en.json'),
  instances: () => import('../studio/instances/locales/en.json'),
  rules: () => import('../studio/rules/locales/en.json'),
  parameters: () => import('../studio/parameters/locales/en.json'),
  plans: () => import('../studio/plans/locales/en.json'),
  records: () => import('../workspace/records/locales/en.json'),
  board: () => import('../workspace/board/locales/en.json'),
  workspaceTasks: () => import('../workspace/tasks/locales/en.json'),
  workspaceAgenda: () => import('../workspace/agenda/locales/en.json'),
  adminUsers: () => import('../admin/users/locales/en.json'),
  adminTeams: () => import('../admin/teams/locales/en.json'),
  adminTerritories: () => import('../admin/territories/locales/en.json'),
} satisfies Record<string, () => Promise<{ default: ResourceKey }>>;

export type Namespace = keyof typeof bundled | keyof typeof lazyNamespaces;

export const defaultNamespace = 'app';

/** An i18next backend on dynamic import(): Vite makes each namespace's en.json a small hashed chunk. */
const lazyNamespaceBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (_language, namespace, callback) => {
    const load = (lazyNamespaces as Record<string, () => Promise<{ default: ResourceKey }>>)[namespace];
    // A namespace without a file (bpmn-js's `bpmnJs`: its English templates are their own defaults).
    if (load === undefined) return callback(null, {});
    load().then(
      (loaded) => callback(null, loaded.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export function initI18n(): typeof i18next {
  void i18next
    .use(lazyNamespaceBackend)
    .use(initReactI18next)
    .init({
      resources: { en: bundled },
      // The bundled namespaces are there from the start; the others come from the backend.
      partialBundledLanguages: true,
      lng: 'en',
      fallbackLng: 'en',
      defaultNS: defaultNamespace,
      ns: Object.keys(bundled),
      // React escapes what it renders; escaping here too would show entities as text.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  return i18next;
}

/** Starts loading a page's namespaces (before its chunk has arrived); resolves once they are there. */
export function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> {
  return namespaces.length === 0 ? Promise.resolve() : i18next.loadNamespaces([...namespaces]);
}
