// The admin setting "which process a new record of a type starts", and a record's process as its
// page shows it: the instances started for it and their open tasks the caller may see.
import { Injectable } from '@nestjs/common';
import { RECORD_TYPES, type RecordTypeName } from '@stageflow/api-contract';
import { Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ProcessEngine } from '../../process/index.js';
import { RecordsRepository } from '../records/records.repository.js';
import { PROCESS_DRIVEN, recordBusinessKey } from './record-process-starts.js';
import { recordProcessInstanceView, type DiagramNames, type RecordProcessState } from './record-process-state.js';
import { RecordProcessesRepository } from './record-processes.repository.js';
import { toRecordProcessView, type RecordProcessView } from './record-processes.row.js';

export type { RecordProcessState } from './record-process-state.js';

@Injectable()
export class RecordProcessesService {
  constructor(
    private readonly settings: RecordProcessesRepository,
    private readonly records: RecordsRepository,
    private readonly engine: ProcessEngine,
  ) {}

  async list(): Promise<RecordProcessView[]> {
    const rows = await this.settings.all();
    return PROCESS_DRIVEN.map((type) =>
      toRecordProcessView(
        type,
        rows.find((row) => row.record_type === type),
      ),
    );
  }

  /** Sets (or with null clears) the process of a record type; the process must be deployed. */
  async set(principal: Principal, type: string, body: unknown): Promise<RecordProcessView> {
    if (!PROCESS_DRIVEN.includes(type as RecordTypeName))
      throw new NotFound(`record type ${type} cannot start a process (types: ${PROCESS_DRIVEN.join(', ')})`);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw Invalid.field('body', 'must be a JSON object');
    for (const key of Object.keys(body)) if (key !== 'processKey') throw Invalid.field(key, 'is not allowed');
    const { processKey } = body as { processKey?: unknown };
    if (processKey === null) {
      await this.settings.clear(type);
      return toRecordProcessView(type, undefined);
    }
    if (typeof processKey !== 'string' || processKey.length === 0 || processKey.length > 200)
      throw Invalid.field('processKey', 'must be a process key or null');
    if (!(await this.engine.isDeployed(processKey))) throw Invalid.field('processKey', `names no deployed process (${processKey})`);
    return toRecordProcessView(type, await this.settings.set(type, processKey, principal.username));
  }

  /** The process driving a record the caller sees: 404 for one they cannot see. */
  async of(principal: Principal, type: RecordTypeName, id: string): Promise<RecordProcessState> {
    if (!(await this.records.isVisible(RECORD_TYPES[type], principal, id))) throw new NotFound(`${type} ${id} not found`);
    const businessKey = recordBusinessKey(type, id);
    const { items } = await this.engine.instancesOf(businessKey);
    // Each version's names once (a record's instances mostly run one or two versions; the graphs are cached).
    const versions = [...new Set(items.map((instance) => instance.definitionId))];
    const names = new Map<string, DiagramNames | undefined>(await Promise.all(versions.map(async (id) => [id, await this.engine.namesOf(id)] as const)));
    return {
      businessKey,
      instances: items.map((instance) => recordProcessInstanceView(instance, names.get(instance.definitionId))),
      openTasks: await this.engine.openTasksOf(principal, businessKey),
    };
  }
}
