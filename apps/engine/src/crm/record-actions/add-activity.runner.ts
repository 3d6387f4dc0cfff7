// addActivity: an activity (call, meeting, e-mail, task, note) on the record the instance is about
// — linked by the record's own field (leadId, opportunityId, organizationId, contactId), owned by
// the record's owner and team. Due at the rendered `dueAt` (an RFC 3339 instant) or `dueIn` after
// the run by the database clock. Created like createRecord's records: id from the run's key,
// history naming the process, the created hooks (a meeting's reminder) in the run's transaction.
import { Injectable } from '@nestjs/common';
import { activityType } from '@stageflow/api-contract';
import { parseIsoDuration, type AddActivityAction, type JsonObject } from '@stageflow/process-package';
import { DatabaseClock } from '../../platform/database/database-clock.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { ProcessEngine, type ActionOutcome, type ActionRunContext, type ActionRunner } from '../../process/index.js';
import { inheritedOwnership } from './create-record.runner.js';
import { instanceRecord } from './instance-record.js';
import { INVALID_RECORD_FIELDS, UNKNOWN_RECORD } from './record-action-errors.js';
import { issuesMessage } from './process-field-values.js';
import { ProcessRecordWrites } from './process-record-writes.js';

const LINKED = new Set(['organization', 'contact', 'lead', 'opportunity']);

@Injectable()
export class AddActivityRunner implements ActionRunner<'addActivity'> {
  readonly type = 'addActivity' as const;

  constructor(
    private readonly engine: ProcessEngine,
    private readonly writes: ProcessRecordWrites,
    private readonly clock: DatabaseClock,
  ) {}

  async run(action: AddActivityAction, context: ActionRunContext): Promise<ActionOutcome> {
    const instance = await instanceRecord(this.engine, context.processInstanceId);
    const record = instance?.record;
    if (!instance || !record || !LINKED.has(record.type.name)) {
      return { kind: 'failed', errorCode: UNKNOWN_RECORD, message: 'addActivity: the instance is about no organization, contact, lead or opportunity' };
    }
    const values: Record<string, unknown> = {
      kind: action.kind,
      subject: action.subject.trim(),
      [`${record.type.name}Id`]: record.id,
      ...(action.body === undefined ? {} : { body: action.body }),
      ...(action.done === undefined ? {} : { done: action.done }),
      ...(await inheritedOwnership(this.writes, instance, context.tx)),
    };
    if (action.dueAt !== undefined && action.dueAt.trim() !== '') values.dueAt = action.dueAt.trim();
    if (action.dueIn !== undefined) {
      const due = parseIsoDuration(action.dueIn);
      if (!due.ok) return { kind: 'failed', errorCode: INVALID_RECORD_FIELDS, message: `addActivity: dueIn ${due.message}` };
      values.dueAt = new Date(Date.parse(this.clock.now()) + due.seconds * 1000).toISOString();
    }
    const id = uuidFrom(`crm-record-action\u0000${context.idempotencyKey}`);
    const written = await this.writes.create(activityType, id, values, instance.processKey, context.tx);
    if (!written.ok) return { kind: 'failed', errorCode: INVALID_RECORD_FIELDS, message: `addActivity: ${issuesMessage('activity', written.issues)}` };
    const variables: JsonObject | undefined = action.resultVariable === undefined ? undefined : { [action.resultVariable]: id };
    return { kind: 'completed', ...(variables ? { variables } : {}), note: `created activity ${id}` };
  }
}
