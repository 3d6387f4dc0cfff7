// Part (g) of the benchmark, the CRM at the scale of issue 11: a database of its own on the bench's
// PostgreSQL, the built engine started on it (its migrations make the schema), the sales organisation
// created through the API, the records generated in bulk (crm-scale-generator.ts), then the four
// measurement windows of crm-scale-load.ts against that engine.
import type { BenchPostgres } from '../db/bench-postgres.js';
import { EngineApi } from '../http/engine-api.js';
import { startEngine, type EngineProcess } from '../http/engine-process.js';
import { HttpClient } from '../http/http-client.js';
import { generateCrmScale, scaledCounts, type GenerateResult } from './crm-scale-generator.js';
import { runScaleLoad, type ScaleLoadResult } from './crm-scale-load.js';
import { createSalesOrganisation, type ScaleOrganisation } from './crm-scale-people.js';

/** The seed of the generated data (issue 11), and the end of its year: fixed, so every run has the same rows. */
export const SCALE_SEED = 11;
export const SCALE_ANCHOR = new Date('2026-12-01T00:00:00Z');

export interface CrmScaleOptions {
  postgres: BenchPostgres;
  /** 1 = the full size; smaller for quick runs. */
  size: number;
  clients: number;
  warmupSeconds: number;
  seconds: number;
  log: (line: string) => void;
}

export interface CrmScaleResult {
  size: number;
  users: { teams: number; managers: number; sellers: number };
  generation: GenerateResult;
  load: ScaleLoadResult;
}

/** The engine started on `databaseUrl` (its migrations make the schema), the sales organisation, the generated records. */
export async function prepareCrmScale(
  databaseUrl: string,
  size: number,
  log: (line: string) => void,
): Promise<{ engine: EngineProcess; organisation: ScaleOrganisation; generation: GenerateResult }> {
  const engine = await startEngine(databaseUrl, log);
  try {
    const admin = new HttpClient(engine.baseUrl, 2);
    let organisation: ScaleOrganisation;
    try {
      admin.authorize(await new EngineApi(admin).login('admin', engine.adminPassword));
      organisation = await createSalesOrganisation(admin);
    } finally {
      admin.close();
    }
    const counts = scaledCounts(size);
    log(
      `crm-scale: generating ${Object.values(counts)
        .reduce((sum, n) => sum + n, 0)
        .toLocaleString('en-US')} records (size ${size})`,
    );
    const generation = await generateCrmScale({ databaseUrl, seed: SCALE_SEED, counts, people: organisation, anchor: SCALE_ANCHOR, log });
    log(`crm-scale: generated in ${generation.totalSeconds.toFixed(1)} s`);
    return { engine, organisation, generation };
  } catch (error) {
    log(`engine log tail:\n${engine.logTail(30)}`);
    await engine.stop();
    throw error;
  }
}

export async function runCrmScale(options: CrmScaleOptions): Promise<CrmScaleResult> {
  const databaseUrl = await options.postgres.database('bench_crm');
  const { engine, organisation, generation } = await prepareCrmScale(databaseUrl, options.size, options.log);
  try {
    const load = await runScaleLoad({
      baseUrl: engine.baseUrl,
      databaseUrl,
      sellers: organisation.sellerUsers,
      managers: organisation.managers,
      clients: options.clients,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      watchProcesses: () => ({ engine: [engine.pid], postgres: options.postgres.processIds() }),
      log: options.log,
    });
    return {
      size: options.size,
      users: { teams: organisation.teams.length, managers: organisation.managers.length, sellers: organisation.sellerUsers.length },
      generation,
      load,
    };
  } catch (error) {
    options.log(`engine log tail:\n${engine.logTail(30)}`);
    throw error;
  } finally {
    await engine.stop();
  }
}
