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
 * A seller's list is split into parts (`visibleParts`) only up to this many: every part is a subquery to
 * plan and an index to descend, so for a seller of many teams the one condition is the cheaper plan.
 */
export const MAX_LIST_PARTS = 16;

/**
 * The same visibility as `visibleTo`, for a list, as conditions that never hold for the same row and
 * that each one index walks in sort order: a seller's `owner_id = me OR (owner_id IS NULL AND team_id
 * = ANY(my teams))` is one OR no index serves in sort order, so PostgreSQL walked the sort index skipping
 * 99 rows in 100, or read all of the seller's rows and sorted them, for every page (issue 11). As parts —
 * their own records, and each team's queue — every part is an ordered walk of `(owner_id, <sort>, id)` or
 * `(team_id, <sort>, id) WHERE owner_id IS NULL` that stops once it has given its share of the page
 * (records.repository.ts `list` merges them). Needs `teams` as read at the request's start; without
 * them, past MAX_LIST_PARTS, and for the other roles, the one condition of `visibleTo`. A manager's
 * visibility split the same way (each member's records, each queue, the records naming the team whose
 * owner left it) read fewer rows but cost more than it saved in planning and reads of the members,
 * and doubled the pipeline's cost: measured and not kept (docs/performance.md, "CRM at scale").
 */
export function visibleParts(principal: Principal, sql: SqlParams, alias = 'r', teams?: readonly string[]): string[] {
  const queues = [...new Set(teams ?? [])];
  if (
    seesAll(principal, 'read') ||
    principal.roles.includes('manager') ||
    !principal.roles.includes('seller') ||
    teams === undefined ||
    1 + queues.length > MAX_LIST_PARTS
  ) {
    return [visibleTo(principal, 'read', sql, alias, teams)];
  }
  const own = `${alias}.owner_id = ${sql.add(principal.userId)}::uuid`;
  return [own, ...queues.map((team) => `${alias}.owner_id IS NULL AND ${alias}.team_id = ${sql.add(team)}::uuid`)];
}
