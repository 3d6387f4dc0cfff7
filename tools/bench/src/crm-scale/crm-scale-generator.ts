// Fills the CRM's record tables of a migrated engine database with the scale of issue 11 (100,000
// organizations, 300,000 contacts, 100,000 leads, 100,000 opportunities, 1,000,000 activities) in
// bulk: INSERT … SELECT generate_series in chunks (crm-scale-sql.ts), with the tables' secondary
// indexes dropped while the rows go in and built again afterwards from their own definitions (what
// the migrations made), then VACUUM ANALYZE. Foreign keys stay checked. No history rows are written
// for generated records (an import would write one per record; nothing the bench reads needs them).
import pg from 'pg';
import { chunkStatement, type ScaleCounts, type ScalePeople, type ScaleTable } from './crm-scale-sql.js';

export const FULL_SCALE: ScaleCounts = { organization: 100_000, contact: 300_000, lead: 100_000, opportunity: 100_000, activity: 1_000_000 };

/** Tables in the order their rows may reference each other. */
export const SCALE_TABLES: readonly { table: ScaleTable; name: string }[] = [
  { table: 'organization', name: 'crm_organizations' },
  { table: 'contact', name: 'crm_contacts' },
  { table: 'lead', name: 'crm_leads' },
  { table: 'opportunity', name: 'crm_opportunities' },
  { table: 'activity', name: 'crm_activities' },
];

export interface GenerateOptions {
  databaseUrl: string;
  seed: number;
  counts: ScaleCounts;
  people: ScalePeople;
  /** The generated year ends here: created_at within the year before, deals' next contacts after. */
  anchor: Date;
  chunkRows?: number;
  log: (line: string) => void;
}

export interface TableFigures {
  table: string;
  rows: number;
  insertSeconds: number;
  heapBytes: number;
  indexBytes: number;
}

export interface GenerateResult {
  seed: number;
  anchor: string;
  tables: TableFigures[];
  insertSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  databaseBytes: number;
}

const seconds = (startedAt: number): number => (performance.now() - startedAt) / 1000;

/** Multiplies every count by `factor` (at least 1 000 rows each): for quick runs. */
export function scaledCounts(factor: number): ScaleCounts {
  const scale = (n: number): number => Math.max(1_000, Math.round(n * factor));
  return {
    organization: scale(FULL_SCALE.organization),
    contact: scale(FULL_SCALE.contact),
    lead: scale(FULL_SCALE.lead),
    opportunity: scale(FULL_SCALE.opportunity),
    activity: scale(FULL_SCALE.activity),
  };
}

export async function generateCrmScale(options: GenerateOptions): Promise<GenerateResult> {
  const chunkRows = options.chunkRows ?? 50_000;
  const startedAt = performance.now();
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'stageflow-crm-scale' });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '512MB'; SET synchronous_commit = off");
    const names = SCALE_TABLES.map((entry) => entry.name);
    const counted = await client.query<{ n: string }>(`SELECT (${names.map((name) => `(SELECT count(*) FROM ${name})`).join(' + ')})::text AS n`);
    if (counted.rows[0].n !== '0') throw new Error(`the CRM tables already hold ${counted.rows[0].n} records: generate into a new database`);
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [names],
    );
    for (const index of indexes.rows) await client.query(`DROP INDEX ${index.indexname}`);

    const tables: TableFigures[] = [];
    const insertStartedAt = performance.now();
    for (const { table, name } of SCALE_TABLES) {
      const tableStartedAt = performance.now();
      const rows = options.counts[table];
      for (let from = 1; from <= rows; from += chunkRows) {
        const to = Math.min(rows, from + chunkRows - 1);
        const statement = chunkStatement(table, options.seed, options.counts, options.people, options.anchor, from, to);
        await client.query(statement.text, statement.values);
      }
      const took = seconds(tableStartedAt);
      options.log(`crm-scale: ${rows.toLocaleString('en-US')} ${name} in ${took.toFixed(1)} s`);
      tables.push({ table: name, rows, insertSeconds: took, heapBytes: 0, indexBytes: 0 });
    }
    const insertSeconds = seconds(insertStartedAt);

    const indexStartedAt = performance.now();
    for (const index of indexes.rows) await client.query(index.indexdef);
    const indexSeconds = seconds(indexStartedAt);
    options.log(`crm-scale: ${indexes.rows.length} indexes built again in ${indexSeconds.toFixed(1)} s`);

    const analyzeStartedAt = performance.now();
    for (const name of names) await client.query(`VACUUM ANALYZE ${name}`);
    await client.query('ANALYZE users');
    const analyzeSeconds = seconds(analyzeStartedAt);

    for (const figures of tables) {
      const sizes = await client.query<{ heap: string; indexes: string }>(
        'SELECT pg_table_size($1::regclass)::text AS heap, pg_indexes_size($1::regclass)::text AS indexes',
        [figures.table],
      );
      figures.heapBytes = Number(sizes.rows[0].heap);
      figures.indexBytes = Number(sizes.rows[0].indexes);
    }
    const database = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    return {
      seed: options.seed,
      anchor: options.anchor.toISOString(),
      tables,
      insertSeconds,
      indexSeconds,
      analyzeSeconds,
      totalSeconds: seconds(startedAt),
      databaseBytes: Number(database.rows[0].bytes),
    };
  } finally {
    await client.end();
  }
}
