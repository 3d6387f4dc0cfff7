// Who sees which records, as a condition every statement on a record table carries (so no filter,
// sort, search or history query can widen it): an admin or integrator sees all, an analyst reads all
// (and writes none), a manager the records owned by members of their teams and their teams'
// queues, a seller the records they own and — while a record has no owner — those waiting in one
// of their teams' queues. Teams are read from the caller's user row at the statement's time, so a
// change of membership counts at once — or, for the lists and the search, given by the caller as read
// at the request's start (`teams`): PostgreSQL then plans with the real teams instead of guessing how
// many rows an unknown list matches, which on a large table picks the wrong index (issue 11).
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { SqlParams } from '../../platform/database/sql-params.js';
import type { UsersRepository } from '../../platform/identity/users/users.repository.js';

export type RecordAccess = 'read' | 'write';

/** Roles that see every record. Analysts read (to try processes on real records) but do not write. */
function seesAll(principal: Principal, access: RecordAccess): boolean {
  if (principal.roles.includes('admin') || principal.roles.includes('integrator')) return true;
  return access === 'read' && principal.roles.includes('analyst');
}

/** False when the caller may not write records at all (403 before any statement). */
export function mayWriteRecords(principal: Principal): boolean {
  return principal.roles.some((role) => role === 'admin' || role === 'integrator' || role === 'manager' || role === 'seller');
}

/** May hand a record to another owner (a manager's action, recorded in the history). */
export function mayHandOver(principal: Principal): boolean {
  return principal.roles.some((role) => role === 'admin' || role === 'manager' || role === 'integrator');
}

/** The caller's team ids as their user row holds them now; none read for a caller who sees every record. */
export async function teamsOf(users: Pick<UsersRepository, 'findById'>, principal: Principal): Promise<string[] | undefined> {
  if (seesAll(principal, 'read')) return undefined;
  return (await users.findById(principal.userId))?.team_ids ?? [];
}

/** The SQL condition on the record alias `r` for `principal`; `teams`: the caller's team ids, when already read. */
export function visibleTo(principal: Principal, access: RecordAccess, sql: SqlParams, alias = 'r', teams?: readonly string[]): string {
  if (seesAll(principal, access)) return 'true';
  // Each parameter is added only where the condition uses it: PostgreSQL refuses one it cannot type.
  const me = (): string => sql.add(principal.userId);
  // An array expression (not a subquery), so that `= ANY(...)` compares with its elements.
  const myTeams = (): string => (teams === undefined ? `ARRAY(SELECT unnest(team_ids) FROM users WHERE id = ${me()}::uuid)` : `${sql.add(teams)}::uuid[]`);
  if (principal.roles.includes('manager')) {
    const managed = myTeams();
    return `(${alias}.team_id = ANY(${managed}) OR ${alias}.owner_id IN (SELECT u.id FROM users u WHERE u.team_ids && ${managed}))`;
  }
  if (principal.roles.includes('seller')) {
    return `(${alias}.owner_id = ${me()}::uuid OR (${alias}.owner_id IS NULL AND ${alias}.team_id = ANY(${myTeams()})))`;
  }
  return 'false';
}

/**
 * A list's visibility is split into parts (`visibleParts`) only up to this many: every part is a subquery
 * to plan and an index to descend, so past it — a manager of many teams, who sees a large share of the
 * rows anyway — the one condition of `visibleTo` on the sort index is the cheaper plan.
 */
export const MAX_LIST_PARTS = 16;

/**
 * The members of a manager's teams (the users `visibleTo` counts as theirs), read at the request's start
 * for `visibleParts`; undefined for anyone else, or when the parts would be too many to be worth it.
 */
export async function membersOfManaged(
  users: Pick<UsersRepository, 'membersOf'>,
  principal: Principal,
  teams: readonly string[] | undefined,
): Promise<string[] | undefined> {
  if (teams === undefined || seesAll(principal, 'read') || !principal.roles.includes('manager')) return undefined;
  const distinct = [...new Set(teams)];
  if (distinct.length > MAX_LIST_PARTS) return undefined;
  const members = new Set<string>();
  for (const team of distinct) for (const user of await users.membersOf(team)) members.add(user.id);
  return [...members];
}

/** What a manager's list parts need besides their teams, read at the request's start. */
export interface ManagedOwners {
  /** The members of their teams (the users `visibleTo` counts as theirs): `membersOfManaged`. */
  members: readonly string[];
  /** The owners who are no member but own records naming one of their teams (a seller who left it): records.repository.ts. */
  outsiders: readonly string[];
}

/**
 * The same visibility as `visibleTo` for a list, as conditions that never hold for the same row, each of
 * which one index walks in sort order. An OR of owners and teams is served by no index in sort order, so
 * PostgreSQL walked the table's sort index skipping every row the caller does not see (a seller: 99 of
 * 100), or read all of the caller's rows and sorted them, for every page (issue 11). As parts, each is an
 * ordered walk of `(owner_id, <sort>, id)` or `(team_id, <sort>, id) WHERE owner_id IS NULL` that stops
 * as soon as it has given its share of the page (records.repository.ts `list` merges them):
 * - a seller: their own records, and each team's queue;
 * - a manager (`owners`): each member's records, each team's queue, and each outsider's records that name
 *   one of the teams.
 * Without `teams` (or `owners` for a manager), for the roles that see all, and past MAX_LIST_PARTS: the
 * one condition of `visibleTo`.
 */
export function visibleParts(principal: Principal, sql: SqlParams, alias = 'r', teams?: readonly string[], owners?: ManagedOwners): string[] {
  const single = (): string[] => [visibleTo(principal, 'read', sql, alias, teams)];
  if (seesAll(principal, 'read') || teams === undefined) return single();
  const queues = [...new Set(teams)];
  const queue = (team: string): string => `${alias}.owner_id IS NULL AND ${alias}.team_id = ${sql.add(team)}::uuid`;
  if (principal.roles.includes('manager')) {
    if (owners === undefined) return single();
    const members = [...new Set(owners.members)];
    const outsiders = [...new Set(owners.outsiders)].filter((owner) => !members.includes(owner));
    if (members.length + queues.length + outsiders.length > MAX_LIST_PARTS) return single();
    if (queues.length === 0) return ['false'];
    const managed = outsiders.length === 0 ? '' : `${sql.add(queues)}::uuid[]`;
    return [
      ...members.map((member) => `${alias}.owner_id = ${sql.add(member)}::uuid`),
      ...queues.map(queue),
      ...outsiders.map((outsider) => `${alias}.owner_id = ${sql.add(outsider)}::uuid AND ${alias}.team_id = ANY(${managed})`),
    ];
  }
  if (!principal.roles.includes('seller') || 1 + queues.length > MAX_LIST_PARTS) return single();
  return [`${alias}.owner_id = ${sql.add(principal.userId)}::uuid`, ...queues.map(queue)];
}
