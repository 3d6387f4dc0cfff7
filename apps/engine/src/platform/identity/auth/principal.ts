import type { Role } from './role.js';

/** Who is calling: resolved by the auth guard from a JWT or an API token. */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  /** Team names: the candidate groups whose tasks the user may work. */
  groups: string[];
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/** Admins and managers see and work every task; everyone else only their own and their groups'. */
export function seesAllTasks(principal: Principal): boolean {
  return hasAnyRole(principal, ['admin', 'manager', 'integrator']);
}
