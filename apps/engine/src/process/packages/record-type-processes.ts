// Which process a new CRM record of a type starts is the CRM's setting (crm/record-processes); a
// package version declares it in its manifest (`recordTypes`). The CRM provides this port through
// ProcessEngine.provideRecordTypeProcesses, so that process/ never imports it, and applies the
// declaration in the deploy's (or rollback's) transaction: the package and the setting change
// together or not at all. Without a provider (an engine without the CRM) the declaration is kept
// in the manifest and applies to nothing.
import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../platform/database/queryable.js';

/** Record type -> the process key a new record of that type starts. */
export type RecordTypeProcessKeys = Readonly<Record<string, string>>;

export interface RecordTypeProcessesPort {
  /** Makes a new record of each type start its process, written on `tx`, as `by`. */
  apply(processes: RecordTypeProcessKeys, by: string, tx: Queryable): Promise<void>;
}

@Injectable()
export class RecordTypeProcesses {
  private port: RecordTypeProcessesPort | undefined;

  provide(port: RecordTypeProcessesPort): void {
    if (this.port) throw new Error('a record-type-processes port is already provided');
    this.port = port;
  }

  async apply(processes: RecordTypeProcessKeys, by: string, tx: Queryable): Promise<void> {
    if (!this.port || Object.keys(processes).length === 0) return;
    await this.port.apply(processes, by, tx);
  }
}
