// Territories meet records: the territory rule sets (through ProcessEngine) place organizations,
// contacts and leads on create, and again on an update that changes a field they read — in the
// write's transaction, with a history entry naming the rule (`rule`, `<ruleSetKey>/<ruleId>`, or
// `<ruleSetKey>/fallback`). A record created without an owner gets the territory's owner, and its
// team when it has none. See docs/crm.md, "Territories".
import { Inject, Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { ENGINE_ACTOR, ProcessEngine, type Queryable } from '../../process/index.js';
import { RecordCreatedHooks } from '../records/record-created-hooks.js';
import { RecordHistoryRepository } from '../records/record-history.repository.js';
import type { FieldChange } from '../records/record-history.row.js';
import { toRecordView } from '../records/record-columns.js';
import { recordKeys } from '../records/record-keys.js';
import { RecordUpdatedHooks } from '../records/record-updated-hooks.js';
import { RecordsRepository } from '../records/records.repository.js';
import { PLACED_TYPES, recordFacts, territoryMayChange } from './record-territory.js';

@Injectable()
export class RecordTerritories {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    created: RecordCreatedHooks,
    updated: RecordUpdatedHooks,
  ) {
    created.register((type, recordId, _principal, tx) => this.place(type, recordId, tx, true));
    updated.register(async (type, recordId, changed, tx) => {
      if (!PLACED_TYPES.includes(type.name)) return;
      const fields = [...type.fields.map((field) => field.name), 'custom'];
      if (territoryMayChange(await this.engine.territoryFactsRead(), fields, changed)) await this.place(type, recordId, tx, false);
    });
  }

  /** Evaluates the territory rule sets on the record and writes what changes; `created`: an ownerless record takes the territory's owner and team. */
  async place(type: RecordTypeDefinition, recordId: string, tx: Queryable, created: boolean): Promise<void> {
    if (!PLACED_TYPES.includes(type.name)) return;
    const row = await this.records.findById(type, recordId, tx);
    if (!row) return;
    const before = toRecordView(type, row);
    const placement = await this.engine.placeInTerritory(recordFacts(type.name, before), tx);
    if (!placement) return;
    const fields: Record<string, unknown> = {};
    if (before.territory !== placement.territory) fields.territory = placement.territory;
    if (created && before.ownerId === null) {
      if (placement.ownerId !== null) fields.ownerId = placement.ownerId;
      if (before.teamId === null && placement.teamId !== null) fields.teamId = placement.teamId;
    }
    const changes: FieldChange[] = Object.entries(fields).map(([field, value]) => ({ field, old: before[field] ?? null, new: value }));
    if (changes.length === 0) return;
    await this.records.update(type, recordId, { fields }, recordKeys(type, { ...before, ...fields }, this.config.phoneRegion), tx);
    await this.history.append(
      type.name,
      recordId,
      {
        actorId: ENGINE_ACTOR.userId,
        actorName: ENGINE_ACTOR.username,
        source: 'rule',
        sourceName: `${placement.ruleSet.key}/${placement.ruleId ?? 'fallback'}`,
      },
      changes,
      tx,
    );
  }
}
