// How the CRM plugs into the process engine (through process/index.ts only): it gives the
// interpreter the record an instance is about (`record.*`, read fresh for each command, with its
// owner's username as `record.ownerUsername` so that a diagram can give a task to it, and an
// opportunity's product lines as `record.productLines`, for its offer), and it
// moves an opportunity's stage when its process enters a stage — in the same transaction as the
// process step, with the history saying which process moved it — and gives the deal the stage's
// default probability (its package's `stageProbabilities`) unless a person set one (stage-probability.ts).
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RECORD_TYPES, opportunityType, type RecordTypeName } from '@stageflow/api-contract';
import { ProcessEngine, type ProcessEventNotice, type Queryable } from '../../process/index.js';
import { RecordHistoryRepository } from '../records/record-history.repository.js';
import { toRecordView } from '../records/record-columns.js';
import { recordKeys } from '../records/record-keys.js';
import { RecordsRepository } from '../records/records.repository.js';
import { OpportunityProductsRepository } from '../relations/opportunity-products.repository.js';
import { productListOf } from '../relations/opportunity-products.row.js';
import { Inject } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { enteredStageProbability, stageProbabilityDefaults } from './stage-probability.js';
import { UserStatusService } from '../../platform/identity/users/user-status.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record type and id a business key names (`opportunity:<uuid>`), if it names one. */
export function recordOf(businessKey: string | null): { type: RecordTypeName; id: string } | undefined {
  const match = businessKey === null ? null : /^([a-z]+):(.+)$/.exec(businessKey);
  if (!match || !(match[1]! in RECORD_TYPES) || !UUID.test(match[2]!)) return undefined;
  return { type: match[1] as RecordTypeName, id: match[2]! };
}

@Injectable()
export class RecordProcessLink implements OnModuleInit {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    private readonly userStatus: UserStatusService,
    private readonly productLines: OpportunityProductsRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  onModuleInit(): void {
    this.engine.provideRecordFacts({ factsOf: (businessKey) => this.factsOf(businessKey) });
    // Only opportunities' instances: every other process with stages keeps its one-statement commands.
    this.engine.subscribe(
      ['stageEntered'],
      (notice, tx) => this.stageEntered(notice, tx),
      (businessKey) => businessKey?.startsWith('opportunity:') === true,
    );
  }

  private async factsOf(businessKey: string): Promise<Record<string, unknown> | undefined> {
    const named = recordOf(businessKey);
    if (!named) return undefined;
    const row = await this.records.findById(RECORD_TYPES[named.type], named.id);
    if (!row) return undefined;
    const { custom, ...fields } = toRecordView(RECORD_TYPES[named.type], row);
    const facts = { ...fields, ownerUsername: await this.activeUsername(fields.ownerId), custom };
    if (named.type !== 'opportunity') return facts;
    return { ...facts, productLines: productListOf(await this.productLines.ofOpportunity(named.id)) };
  }

  /**
   * Assignees and notifications take usernames while records keep the owner's id: the owner's
   * username, or null without an owner or for a deactivated one — so `= record.ownerUsername`
   * leaves the task to its candidate groups instead of giving it to someone who cannot sign in.
   */
  private async activeUsername(ownerId: unknown): Promise<string | null> {
    if (typeof ownerId !== 'string') return null;
    // The state every request's sign-in check reads: remembered per node, forgotten cluster-wide on a change.
    const owner = await this.userStatus.of(ownerId);
    return owner?.active ? owner.username : null;
  }

  /**
   * An opportunity's stage is what its process says: set with the step that entered the stage, with
   * the stage's default probability when the deal has none of a person's (one history row for both).
   */
  private async stageEntered(notice: ProcessEventNotice, tx: Queryable): Promise<void> {
    const named = recordOf(notice.businessKey);
    if (named?.type !== 'opportunity' || notice.event.stage === undefined) return;
    const row = await this.records.findById(opportunityType, named.id, tx);
    if (!row) return;
    const before = toRecordView(opportunityType, row);
    const stage = notice.event.stage;
    const current = typeof before.probability === 'number' ? before.probability : null;
    // The parameter is live: the package's current values, as the board reads its stages.
    const defaults = stageProbabilityDefaults((await this.engine.stagesOf(notice.definitionKey))?.params ?? {});
    const probability =
      defaults?.[stage] === undefined
        ? undefined
        : enteredStageProbability({ stage, current, lastWrittenBy: await this.history.lastSourceOf('opportunity', named.id, 'probability', tx), defaults });
    const fields: Record<string, unknown> = {
      ...(before.stage === stage ? {} : { stage }),
      ...(probability === undefined ? {} : { probability }),
    };
    if (Object.keys(fields).length === 0) return;
    await this.records.update(opportunityType, named.id, { fields }, recordKeys(opportunityType, before, this.config.phoneRegion), tx);
    await this.history.append(
      'opportunity',
      named.id,
      // Who moved it: the user whose command it was (a stage move they asked for, a task they completed), or `engine`;
      // the process that moved it; and the reason given with a stage move.
      {
        actorId: notice.actor.userId,
        actorName: notice.actor.username,
        source: 'process',
        sourceName: notice.definitionKey,
        ...(notice.stageMove?.reason ? { reason: notice.stageMove.reason } : {}),
      },
      Object.entries(fields).map(([field, value]) => ({ field, old: before[field] ?? null, new: value })),
      tx,
    );
  }
}
