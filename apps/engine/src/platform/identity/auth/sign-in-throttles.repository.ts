// All SQL of the `sign_in_throttles` table: the counters of failed sign-ins every node shares.
// Times are the database's `now()`, so nodes whose clocks disagree still agree on a lock.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../database/queryable.js';
import { rowsOf } from '../../database/query-rows.js';
import type { CountedAttempt, ThrottlePolicy } from './sign-in-throttles.row.js';

/** The failures after one more: 1 when the earlier ones are forgotten (none and no lock within the window, `$5` seconds). */
const NEXT_FAILURES = `(CASE WHEN t.last_failure_at < now() - make_interval(secs => $5::int)
       AND (t.locked_until IS NULL OR t.locked_until < now() - make_interval(secs => $5::int)) THEN 1 ELSE t.failures + 1 END)`;

@Injectable()
export class SignInThrottlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt as a failure before the password is checked (so parallel attempts cannot
   * all pass before any is counted; a success takes it back), unless the key is locked: then
   * nothing changes and `counted` is false. Reaching the limit locks the key for
   * `lockSeconds * 2^(failures - limit)`, at most `maxLockSeconds`. One statement, so the row
   * lock of the upsert orders concurrent attempts of all nodes; a locked key's row is left alone
   * (the upsert's WHERE), so no row comes back from it and `counted` is false.
   */
  async countAttempt(key: string, policy: ThrottlePolicy, db: Queryable = this.dataSource): Promise<CountedAttempt> {
    const rows = rowsOf<CountedAttempt>(
      await db.query(
        `WITH counted AS (
           INSERT INTO sign_in_throttles AS t (key, failures, last_failure_at, locked_until)
           VALUES ($1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + make_interval(secs => $3::int) END)
           ON CONFLICT (key) DO UPDATE SET
             failures = ${NEXT_FAILURES},
             last_failure_at = now(),
             locked_until = CASE WHEN ${NEXT_FAILURES} >= $2::int
               THEN now() + make_interval(secs => least($4::int, $3::int * power(2, least(${NEXT_FAILURES} - $2::int, 30))))
               ELSE NULL END
           WHERE t.locked_until IS NULL OR t.locked_until <= now()
           RETURNING true AS counted, t.locked_until
         )
         SELECT coalesce((SELECT counted FROM counted), false) AS counted,
                greatest(0, ceil(extract(epoch FROM coalesce((SELECT locked_until FROM counted), (SELECT locked_until FROM sign_in_throttles WHERE key = $1)) - now())))::int
                  AS locked_for_seconds`,
        [key, policy.limit, policy.lockSeconds, policy.maxLockSeconds, policy.windowSeconds],
      ),
    );
    const row = rows[0];
    if (!row) throw new Error(`sign-in attempt of ${key} was not counted`);
    return row;
  }

  /** A sign-in of the user succeeded: their failures are forgotten. */
  async forget(key: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('WITH deleted AS (DELETE FROM sign_in_throttles WHERE key = $1 RETURNING key) SELECT count(*) FROM deleted', [key]);
  }

  /** Takes back one counted attempt that succeeded (an address keeps its other failures); a lock it set is lifted. */
  async uncount(key: string, limit: number, db: Queryable = this.dataSource): Promise<void> {
    await db.query(
      `WITH changed AS (
         UPDATE sign_in_throttles SET failures = greatest(failures - 1, 0),
                locked_until = CASE WHEN failures - 1 < $2::int THEN NULL ELSE locked_until END
          WHERE key = $1 RETURNING key)
       SELECT count(*) FROM changed`,
      [key, limit],
    );
  }

  /** Deletes up to 100 counters that are forgotten anyway (no failure and no lock within `windowSeconds`). */
  async deleteStale(windowSeconds: number, db: Queryable = this.dataSource): Promise<void> {
    await db.query(
      `WITH deleted AS (
         DELETE FROM sign_in_throttles WHERE key IN (
           SELECT key FROM sign_in_throttles
            WHERE last_failure_at < now() - make_interval(secs => $1::int)
              AND (locked_until IS NULL OR locked_until < now() - make_interval(secs => $1::int))
            LIMIT 100)
         RETURNING key)
       SELECT count(*) FROM deleted`,
      [windowSeconds],
    );
  }
}
