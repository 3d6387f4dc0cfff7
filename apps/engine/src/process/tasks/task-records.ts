// The record a task is about (`record` in the task views): the instance's business key names it
// (`<type>:<id>`) and whoever owns records says its title — the CRM provides the port through
// ProcessEngine.provideTaskRecords, so that process/ never imports it. Without a provider nothing
// more is read: the task list stays its one statement (docs/performance.md).
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../platform/identity/auth/principal.js';

/** The record a task is about, as the task views show it. */
export interface TaskRecordView {
  type: string;
  id: string;
  title: string;
}

export interface TaskRecordsPort {
  /**
   * The records these business keys name that `principal` may see, by business key; keys that
   * name no record (or one they may not see) are left out. Called once per page of tasks.
   */
  recordsOf(principal: Principal, businessKeys: readonly string[]): Promise<Map<string, TaskRecordView>>;
}

@Injectable()
export class TaskRecords {
  private port: TaskRecordsPort | undefined;

  provide(port: TaskRecordsPort): void {
    if (this.port) throw new Error('a task-records port is already provided');
    this.port = port;
  }

  get provided(): boolean {
    return this.port !== undefined;
  }

  async of(principal: Principal, businessKeys: readonly string[]): Promise<Map<string, TaskRecordView>> {
    if (!this.port || businessKeys.length === 0) return new Map();
    return this.port.recordsOf(principal, businessKeys);
  }
}
