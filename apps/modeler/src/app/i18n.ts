// All text of the interface goes through i18next. Each feature keeps its English texts in
// `src/<area>/<feature>/locales/en.json` as a namespace of its own, registered here (one line).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import adminTeams from '../admin/teams/locales/en.json';
import adminTerritories from '../admin/territories/locales/en.json';
import adminUsers from '../admin/users/locales/en.json';
import instances from '../studio/instances/locales/en.json';
import conditionBuilder from '../studio/modeler/conditions/locales/en.json';
import modeler from '../studio/modeler/locales/en.json';
import parameters from '../studio/parameters/locales/en.json';
import plans from '../studio/plans/locales/en.json';
import processes from '../studio/processes/locales/en.json';
import rules from '../studio/rules/locales/en.json';
import versions from '../studio/versions/locales/en.json';
import records from '../workspace/records/locales/en.json';
import board from '../workspace/board/locales/en.json';
import workspaceAgenda from '../workspace/agenda/locales/en.json';
import workspaceNotifications from '../workspace/notifications/locales/en.json';
import workspaceQuickAdd from '../workspace/quick-add/locales/en.json';
import workspaceSearch from '../workspace/search/locales/en.json';
import workspaceTasks from '../workspace/tasks/locales/en.json';
import app from './locales/en.json';

export const resources = {
  en: {
    app,
    processes,
    versions,
    conditionBuilder,
    modeler,
    instances,
    rules,
    parameters,
    plans,
    records,
    board,
    workspaceTasks,
    workspaceAgenda,
    workspaceNotifications,
    workspaceSearch,
    workspaceQuickAdd,
    adminUsers,
    adminTeams,
    adminTerritories,
  },
} as const;

export const defaultNamespace = 'app';

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    defaultNS: defaultNamespace,
    ns: Object.keys(resources.en),
    // React escapes what it renders; escaping here too would show entities as text.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
