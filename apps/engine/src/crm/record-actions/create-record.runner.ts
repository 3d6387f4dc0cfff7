// createRecord: creates an organization, contact, lead, opportunity or activity from the rendered
// `fields` (e.g. converting a lead creates its organization, contact and opportunity). Its id is
// derived from the run's idempotency key (one record per run) and written to the process variable
// `resultVariable`. Without `ownerId` the record gets the owner and team of the record the instance
// is about. The record's own process starts as configured, through the records' created hooks, in
// the run's transaction. No duplicate check: the process decides whether to look first; a
// suppressed person is refused (SUPPRESSED_PERSON).
import { Injectable } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import type { CreateRecordAction, JsonObject } from '@stageflow/process-package';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { ProcessEngine, type ActionOutcome, type ActionRunContext, type ActionRunner } from '../../process/index.js';
import { toRecordView } from '../records/record-columns.js';
import { instanceRecord, type InstanceRecord } from './instance-record.js';
import { INVALID_RECORD_FIELDS, SUPPRESSED_PERSON, UNKNOWN_RECORD } from './record-action-errors.js';
import { issuesMessage, processFieldValues } from './process-field-values.js';
import { ProcessRecordWrites } from './process-record-writes.js';

/** The owner and team a process's new record gets when its fields name none: those of the instance's record. */
export async function inheritedOwnership(
  writes: Pick<ProcessRecordWrites, 'lock'>,
  instance: InstanceRecord,
  tx: ActionRunContext['tx'],
): Promise<{ ownerId?: string | null; teamId?: string | null }> {
  if (!instance.record) return {};
  const row = await writes.lock(instance.record.type, instance.record.id, tx);
  if (!row) return {};
  const view = toRecordView(instance.record.type, row);
  return { ownerId: view.ownerId, teamId: view.teamId };
}

@Injectable()
export class CreateRecordRunner implements ActionRunner<'createRecord'> {
  readonly type = 'createRecord' as const;

  constructor(
    private readonly engine: ProcessEngine,
    private readonly writes: ProcessRecordWrites,
  ) {}

  async run(action: CreateRecordAction, context: ActionRunContext): Promise<ActionOutcome> {
    const instance = await instanceRecord(this.engine, context.processInstanceId);
    if (!instance) return { kind: 'failed', errorCode: UNKNOWN_RECORD, message: 'createRecord: the instance is gone' };
    const type = RECORD_TYPES[action.recordType];
    const values = processFieldValues(type, action.fields);
    if (!('ownerId' in values) && !('teamId' in values)) Object.assign(values, await inheritedOwnership(this.writes, instance, context.tx));
    const id = uuidFrom(`crm-record-action\u0000${context.idempotencyKey}`);
    const written = await this.writes.create(type, id, values, instance.processKey, context.tx);
    if (!written.ok) {
      const code = written.kind === 'suppressed' ? SUPPRESSED_PERSON : INVALID_RECORD_FIELDS;
      return { kind: 'failed', errorCode: code, message: `createRecord: ${issuesMessage(type.name, written.issues)}` };
    }
    const variables: JsonObject | undefined = action.resultVariable === undefined ? undefined : { [action.resultVariable]: id };
    return { kind: 'completed', ...(variables ? { variables } : {}), note: `created ${type.name} ${id}` };
  }
}
