// A new lead, opportunity or organization starts the process configured for its type: a job
// written in the record's own transaction (nothing lost if the node stops right after the commit),
// keyed by the record, which starts the instance with an id derived from the record — so however
// often the job runs, one instance is started. The record is the instance's business key
// (`<type>:<id>`); the process reads it as `record.*`.
import { Injectable } from '@nestjs/common';
import type { RecordTypeName } from '@stageflow/api-contract';
import { isUniqueViolation } from '../../platform/database/unique-violation.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { JobHandlerRegistry } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { PermanentJobFailure } from '../../platform/jobs/permanent-job-failure.js';
import { ProcessEngine } from '../../process/index.js';
import { RecordCreatedHooks } from '../records/record-created-hooks.js';
import { RecordProcessesRepository } from './record-processes.repository.js';

export const START_RECORD_PROCESS_TASK = 'crm.start-record-process';

/** The record types a process can drive. */
export const PROCESS_DRIVEN: readonly RecordTypeName[] = ['lead', 'opportunity', 'organization'];

/** The business key of a record: what its process instances carry. */
export function recordBusinessKey(type: RecordTypeName, id: string): string {
  return `${type}:${id}`;
}

@Injectable()
export class RecordProcessStarts {
  constructor(
    private readonly settings: RecordProcessesRepository,
    private readonly jobs: JobsService,
    private readonly engine: ProcessEngine,
    registry: JobHandlerRegistry,
    created: RecordCreatedHooks,
  ) {
    registry.register(START_RECORD_PROCESS_TASK, (payload) => this.start(payload));
    created.register((type, recordId, principal, tx) => this.schedule(type.name, recordId, principal, tx));
  }

  /** In the record's transaction: the job that starts its type's process, when one is configured. */
  async schedule(type: RecordTypeName, recordId: string, principal: Principal, tx: Queryable): Promise<void> {
    if (!PROCESS_DRIVEN.includes(type)) return;
    const configured = await this.settings.of(type, tx);
    if (!configured) return;
    const businessKey = recordBusinessKey(type, recordId);
    await this.jobs.add(
      [
        {
          task: START_RECORD_PROCESS_TASK,
          payload: { processKey: configured.process_key, businessKey, recordType: type, recordId, userId: principal.userId, username: principal.username },
          key: `record-process:${businessKey}`,
        },
      ],
      tx,
    );
  }

  private async start(payload: JobPayload): Promise<void> {
    const { processKey, businessKey, recordType, recordId, userId, username } = payload as Record<string, string>;
    try {
      await this.engine.start(
        processKey!,
        { businessKey, variables: { recordType: recordType!, recordId: recordId! }, instanceId: uuidFrom(`record-process:${businessKey}`) },
        { userId: userId ?? null, username: username ?? 'engine' },
      );
    } catch (error) {
      // Started already (the job ran before and its completion was lost): nothing to do.
      if (isUniqueViolation(error, 'process_instances_pkey')) return;
      if (error instanceof NotFound) throw new PermanentJobFailure(`the process ${processKey} of new ${recordType} records is not deployed`);
      throw error;
    }
  }
}
