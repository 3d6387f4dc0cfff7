// The reads and the one write of assignment, on the caller's transaction (Queryable). The
// round-robin turn is one INSERT .. ON CONFLICT DO UPDATE .. RETURNING on the team's cursor row:
// atomic in PostgreSQL, so concurrent commands on any node take distinct turns, and it commits
// or rolls back with the caller's transaction (a command that loses its version check gives the
// turn back).
import type { AssignmentCandidate } from '@stageflow/rules';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/jobs/jobs.service.js';

export interface TerritoryRecord {
  key: string;
  /** The team's name. */
  team: string | null;
  defaultOwner: string | null;
  /** Keys of the territory's actions rule sets. */
  actions: string[];
}

interface CandidateRecord {
  username: string;
  skills: string[];
  open_tasks: number;
}

const OPEN_TASKS = `(SELECT count(*)::int FROM user_tasks t WHERE t.assignee = u.username AND t.state = 'created')`;

const candidateOf = (row: CandidateRecord): AssignmentCandidate => ({ username: row.username, skills: row.skills, openTasks: row.open_tasks });

/** The territory record of `key` (for assignment, and for code that needs a territory's team, owner or actions rule sets). */
export async function territoryRecord(tx: Queryable, key: string): Promise<TerritoryRecord | undefined> {
  const rows = rowsOf<{ key: string; team: string | null; default_owner: string | null; actions: string[] }>(
    await tx.query('SELECT t.key, tm.name AS team, t.default_owner, t.actions FROM territories t LEFT JOIN teams tm ON tm.id = t.team_id WHERE t.key = $1', [
      key,
    ]),
  );
  const row = rows[0];
  return row ? { key: row.key, team: row.team, defaultOwner: row.default_owner, actions: row.actions } : undefined;
}

export async function teamId(tx: Queryable, name: string): Promise<string | undefined> {
  return rowsOf<{ id: string }>(await tx.query('SELECT id FROM teams WHERE name = $1', [name]))[0]?.id;
}

export async function teamMembers(tx: Queryable, team: string): Promise<AssignmentCandidate[]> {
  const rows = rowsOf<CandidateRecord>(
    await tx.query(`SELECT u.username, u.skills, ${OPEN_TASKS} AS open_tasks FROM users u WHERE u.team_ids @> ARRAY[$1::uuid]`, [team]),
  );
  return rows.map(candidateOf);
}

/** The users named (those that exist). */
export async function usersNamed(tx: Queryable, usernames: readonly string[]): Promise<AssignmentCandidate[]> {
  const rows = rowsOf<CandidateRecord>(
    await tx.query(`SELECT u.username, u.skills, ${OPEN_TASKS} AS open_tasks FROM users u WHERE u.username = ANY($1::text[])`, [usernames]),
  );
  return rows.map(candidateOf);
}

/** Every user who holds all `skills` (trimmed, case-insensitive). */
export async function usersWithSkills(tx: Queryable, skills: readonly string[]): Promise<AssignmentCandidate[]> {
  const rows = rowsOf<CandidateRecord>(
    await tx.query(
      `SELECT u.username, u.skills, ${OPEN_TASKS} AS open_tasks FROM users u
      WHERE ARRAY(SELECT lower(btrim(s)) FROM unnest(u.skills) AS s) @> $1::text[]`,
      [skills.map((skill) => skill.trim().toLowerCase())],
    ),
  );
  return rows.map(candidateOf);
}

/**
 * Locks the team's cursor row until the caller's transaction ends, so that assignments in the
 * team are made one after another: a count read after the lock (a new statement, so a new
 * snapshot under READ COMMITTED) sees the tasks an earlier assignment committed. Without it,
 * two commands at the same instant would both see the same "fewest open tasks".
 */
export async function lockTeam(tx: Queryable, team: string): Promise<void> {
  await tx.query(
    `INSERT INTO team_assignment_cursors AS c (team_id, turn) VALUES ($1, 0)
     ON CONFLICT (team_id) DO UPDATE SET turn = c.turn
     RETURNING turn`,
    [team],
  );
}

/** The same for assignments among all users (skillMatch without a team): one transaction-scoped advisory lock. */
export async function lockAllUsers(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('stageflow:assignment:all-users', 0))`, []);
}

/** Takes the team's next round-robin turn (1 for its first assignment). */
export async function takeTurn(tx: Queryable, team: string): Promise<number> {
  const rows = rowsOf<{ turn: string }>(
    await tx.query(
      `INSERT INTO team_assignment_cursors AS c (team_id, turn) VALUES ($1, 1)
     ON CONFLICT (team_id) DO UPDATE SET turn = c.turn + 1
     RETURNING turn`,
      [team],
    ),
  );
  const turn = Number(rows[0]?.turn);
  if (!Number.isSafeInteger(turn)) throw new Error(`team ${team}: the round-robin cursor gave no turn`);
  return turn;
}
