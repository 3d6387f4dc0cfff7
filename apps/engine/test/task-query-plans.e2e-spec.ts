// The hot task statements are prepared (InstanceStoreRepository.query): each connection plans
// them once, generically, and keeps the plan. On a fresh database under load that happens while
// the tables are empty and have no statistics, and the plan stays until autovacuum's first
// ANALYZE. These plans must use the index a large table needs, whatever the statistics: an
// instance's open tasks newest first (the task list a client reads before completing) from the
// instance index, a task completed by its id from the primary key.
import pg from 'pg';
import { setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

async function genericPlan(statement: string, types: string, args: string): Promise<string> {
  const client = new pg.Client({ connectionString: suite.databaseUrl() });
  await client.connect();
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE probe(${types}) AS ${statement}`);
    const rows = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE probe(${args})`);
    return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

describe('generic plans of the task statements on an empty database without statistics', () => {
  it("given the tables never analyzed, when an instance's open tasks are listed newest first, then the instance index serves them", async () => {
    const [stats] = await suite.query<{ analyzed: boolean }>(
      "SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'user_tasks'",
    );
    const plan = await genericPlan(
      'SELECT t.id FROM user_tasks t WHERE t.process_instance_id = $1 AND t.state = $2 ORDER BY t.created_at DESC, t.id ASC LIMIT $3 OFFSET $4',
      'uuid, text, int, int',
      "gen_random_uuid(), 'created', 50, 0",
    );

    expect(stats?.analyzed).toBe(false);
    expect(plan).toContain('user_tasks_instance_state_idx');
    expect(plan).not.toContain('user_tasks_state_idx');
  });

  it('given the tables never analyzed, when a task is completed by its id, then the primary key finds it (no scan of the table)', async () => {
    const plan = await genericPlan("UPDATE user_tasks SET state = 'completed' WHERE id = $1", 'uuid', 'gen_random_uuid()');

    expect(plan).toContain('user_tasks_pkey');
    expect(plan).not.toContain('Seq Scan');
  });
});
