// The `engine_nodes` table as PostgreSQL answers it, and what one heartbeat statement answers
// (the database clock, how many dead nodes it removed and how many orphaned job locks it released).
export interface EngineNodeRow {
  id: string;
  /** graphile-worker pool ids whose job locks are this node's. */
  worker_pool_ids: string[];
  started_at: Date;
  heartbeat_at: Date;
}

/** The answer row of the heartbeat statement: `now` is the heartbeat just written; counts come as bigint text. */
export interface HeartbeatRow {
  now: Date;
  dead: string;
  orphaned: string;
}

export interface Heartbeat {
  /** The database clock at the beat. */
  databaseNow: Date;
  /** Nodes whose heartbeat had stopped, removed (their pools' jobs unlocked). */
  deadNodes: number;
  /** Locks of this node's pool that no worker was running, released. */
  orphanedLocks: number;
}

export function toHeartbeat(row: HeartbeatRow): Heartbeat {
  return { databaseNow: row.now, deadNodes: Number(row.dead), orphanedLocks: Number(row.orphaned) };
}
