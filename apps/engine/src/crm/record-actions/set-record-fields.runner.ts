// setRecordFields: sets fields of the record the instance is about (its business key), or of the
// record the rendered `record` names (`<type>:<id>`). Read-only fields such as stage and territory
// may be set: the process is what moves them; so may the owner (by id or username; not the team).
// The rendered `reason` goes into the history row beside the process. The write and its history (source `process`, naming
// the process) commit with the action's run; a field the record kit refuses fails the action
// (INVALID_RECORD_FIELDS, naming each field), an e-mail or phone of an erased person
// (SUPPRESSED_PERSON) too, and writes nothing.
import { Injectable } from '@nestjs/common';
import type { SetRecordFieldsAction } from '@stageflow/process-package';
import { ProcessEngine, type ActionOutcome, type ActionRunContext, type ActionRunner } from '../../process/index.js';
import { instanceRecord, namedRecord } from './instance-record.js';
import { INVALID_RECORD_FIELDS, SUPPRESSED_PERSON, UNKNOWN_RECORD } from './record-action-errors.js';
import { issuesMessage, processFieldValues } from './process-field-values.js';
import { ProcessRecordWrites } from './process-record-writes.js';

@Injectable()
export class SetRecordFieldsRunner implements ActionRunner<'setRecordFields'> {
  readonly type = 'setRecordFields' as const;

  constructor(
    private readonly engine: ProcessEngine,
    private readonly writes: ProcessRecordWrites,
  ) {}

  async run(action: SetRecordFieldsAction, context: ActionRunContext): Promise<ActionOutcome> {
    const instance = await instanceRecord(this.engine, context.processInstanceId);
    if (!instance) return { kind: 'failed', errorCode: UNKNOWN_RECORD, message: 'setRecordFields: the instance is gone' };
    const target = action.record === undefined ? instance.record : namedRecord(action.record);
    if (!target) {
      const what =
        action.record === undefined
          ? `the instance is about no record (business key ${JSON.stringify(instance.businessKey)})`
          : `"${action.record}" names no record (<type>:<id>)`;
      return { kind: 'failed', errorCode: UNKNOWN_RECORD, message: `setRecordFields: ${what}` };
    }
    const values = processFieldValues(target.type, action.fields);
    const written = await this.writes.update(target.type, target.id, values, instance.processKey, context.tx, action.reason);
    if (!written.ok) {
      const code = written.kind === 'missing' ? UNKNOWN_RECORD : written.kind === 'suppressed' ? SUPPRESSED_PERSON : INVALID_RECORD_FIELDS;
      return { kind: 'failed', errorCode: code, message: `setRecordFields: ${issuesMessage(target.type.name, written.issues)}` };
    }
    return { kind: 'completed', note: written.changed.length === 0 ? 'nothing changed' : `${target.type.name} ${target.id}: ${written.changed.join(', ')}` };
  }
}
