// Territories change, records follow: when a deployment creates a new version of a `territory`
// rule set, a job places every organization, contact and lead again by the latest rule sets — in
// batches (STAGEFLOW_TERRITORY_BATCH records of a type, each batch one transaction that also writes
// the next batch's job), by id, so a restart continues where it stopped. Placing is
// RecordTerritories.place: a record whose territory changes gets a history entry naming the rule
// (`rule`, `<ruleSetKey>/<ruleId>`), one that stays gets none; owners never change. A batch run
// twice writes nothing more (idempotent); a chain whose versions a later deployment superseded
// stops, as that deployment started its own.
import { Inject, Injectable } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobHandlerRegistry } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { ProcessEngine } from '../../process/index.js';
import { RecordsRepository } from '../records/records.repository.js';
import { PLACED_TYPES } from './record-territory.js';
import { RecordTerritories } from './record-territories.js';
import { nextStep, replacementJob, TERRITORY_REPLACEMENT_TASK, type ReplacementStep } from './territory-replacement-steps.js';

@Injectable()
export class TerritoryReplacement {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly records: RecordsRepository,
    private readonly territories: RecordTerritories,
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    registry: JobHandlerRegistry,
  ) {
    registry.register(TERRITORY_REPLACEMENT_TASK, (payload) => this.placeBatch(payload));
    engine.onRuleSetsDeployed(async (deployed, tx) => {
      const territory = deployed.filter((version) => version.kind === 'territory');
      if (territory.length === 0) return;
      await this.jobs.add([replacementJob({ versions: territory.map((version) => version.id), type: PLACED_TYPES[0]!, after: null })], tx);
    });
  }

  /** One batch: places its records again and writes the next batch's job, in one transaction. */
  async placeBatch(payload: JobPayload): Promise<void> {
    const step = payload as unknown as ReplacementStep;
    const latest = new Set(await this.engine.territoryRuleSetVersions());
    if (!step.versions.every((id) => latest.has(id))) return;
    const type = RECORD_TYPES[step.type];
    await this.transactions.run(async (tx) => {
      const ids = await this.records.lockBatchAfter(type, step.after, this.config.territoryBatch, tx);
      for (const id of ids) await this.territories.place(type, id, tx, false);
      const next = nextStep(step, ids, this.config.territoryBatch);
      if (next) await this.jobs.add([replacementJob(next)], tx);
    });
  }
}
