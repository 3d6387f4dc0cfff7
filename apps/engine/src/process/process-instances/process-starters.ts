// Who may start a process from the API (POST /process-definitions/key/{key}/start). A process
// declares its starters with `stageflow:candidateStarterGroups` (team or role names) and
// `stageflow:candidateStarterUsers` (usernames), Camunda's names:
// - admins, integrators and analysts start any process;
// - without a declaration, managers may start it and sellers may not;
// - with one, a manager or seller may start it when their username is listed (compared
//   case-insensitively, as usernames are unique), one of their teams is a listed group, or one of
//   their roles is (`seller` or `sellers`, `manager` or `managers`).
// Starts the engine makes itself (timer, message and signal starts, call activities, a record's
// process through ProcessEngine) are not limited.
import type { CandidateStarters } from '@stageflow/bpmn-runtime';
import { hasAnyRole, type Principal } from '../../platform/identity/auth/principal.js';

export function mayStart(principal: Principal, starters: CandidateStarters | undefined): boolean {
  if (hasAnyRole(principal, ['admin', 'integrator', 'analyst'])) return true;
  if (starters === undefined) return principal.roles.includes('manager');
  const username = principal.username.toLowerCase();
  if (starters.users.some((user) => user.toLowerCase() === username)) return true;
  const roleNames = principal.roles.flatMap((role) => [role, `${role}s`]);
  return starters.groups.some((group) => principal.groups.includes(group) || roleNames.includes(group));
}
