// "A task shows the record it is about": the CRM's side of process/'s TaskRecordsPort. The task
// views of a page hand over their instances' business keys; the records they name are read with
// the caller's visibility, one statement per record type (not one per task), and answered as
// `{type, id, title}`. A record the caller may not see is left out (the task shows `record: null`).
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RECORD_TYPES, type RecordTypeName } from '@stageflow/api-contract';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ProcessEngine, type TaskRecordView } from '../../process/index.js';
import { titleOf, toRecordView } from '../records/record-columns.js';
import { RecordsRepository } from '../records/records.repository.js';
import { recordOf } from './record-process-link.js';

@Injectable()
export class TaskRecordTitles implements OnModuleInit {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly records: RecordsRepository,
  ) {}

  onModuleInit(): void {
    this.engine.provideTaskRecords({ recordsOf: (principal, businessKeys) => this.recordsOf(principal, businessKeys) });
  }

  async recordsOf(principal: Principal, businessKeys: readonly string[]): Promise<Map<string, TaskRecordView>> {
    const idsByType = new Map<RecordTypeName, Set<string>>();
    for (const key of businessKeys) {
      const named = recordOf(key);
      if (named) idsByType.set(named.type, (idsByType.get(named.type) ?? new Set()).add(named.id.toLowerCase()));
    }
    const found = new Map<string, TaskRecordView>();
    await Promise.all(
      [...idsByType].map(async ([name, ids]) => {
        const type = RECORD_TYPES[name];
        for (const row of await this.records.findVisibleByIds(type, principal, [...ids])) {
          found.set(`${name}:${row.id}`, { type: name, id: row.id, title: titleOf(type, toRecordView(type, row)) });
        }
      }),
    );
    // Answered by the keys as given (a key may spell the uuid in upper case).
    const answer = new Map<string, TaskRecordView>();
    for (const key of businessKeys) {
      const named = recordOf(key);
      const view = named ? found.get(`${named.type}:${named.id.toLowerCase()}`) : undefined;
      if (view) answer.set(key, view);
    }
    return answer;
  }
}
