// `team_assignment_cursors`: the round-robin turn is one INSERT .. ON CONFLICT DO UPDATE ..
// RETURNING on the team's cursor row: atomic in PostgreSQL, so concurrent commands on any node
// take distinct turns, and it commits or rolls back with the caller's transaction (a command that
// loses its version check gives the turn back). With the locks that serialize assignments, and
// the open-task counts of candidates (user_tasks' own statement, openTaskCounts).
import { Injectable } from '@nestjs/common';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { openTaskCounts } from '../tasks/user-tasks.repository.js';

@Injectable()
export class AssignmentRepository {
  /** How many open tasks each of `usernames` is assigned, read on `tx` (a user without any: 0). */
  openTasks(usernames: readonly string[], tx: Queryable): Promise<Map<string, number>> {
    return openTaskCounts(usernames, tx);
  }

  /**
   * Locks the team's cursor row until the caller's transaction ends, so that assignments in the
   * team are made one after another: a count read after the lock (a new statement, so a new
   * snapshot under READ COMMITTED) sees the tasks an earlier assignment committed. Without it,
   * two commands at the same instant would both see the same "fewest open tasks".
   */
  async lockTeam(tx: Queryable, team: string): Promise<void> {
    await tx.query(
      `INSERT INTO team_assignment_cursors AS c (team_id, turn) VALUES ($1, 0)
     ON CONFLICT (team_id) DO UPDATE SET turn = c.turn
     RETURNING turn`,
      [team],
    );
  }

  /** The same for assignments among all users (skillMatch without a team): one transaction-scoped advisory lock. */
  async lockAllUsers(tx: Queryable): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('stageflow:assignment:all-users', 0))`, []);
  }

  /** Takes the team's next round-robin turn (1 for its first assignment). */
  async takeTurn(tx: Queryable, team: string): Promise<number> {
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
}
