// What else happens, in the same transaction, when a record is created — registered by the
// modules that care (a record's process starting, for one), so the records module knows none of them.
import { Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import type { Queryable } from '../../platform/database/queryable.js';
import type { Principal } from '../../platform/identity/auth/principal.js';

export type RecordCreatedHook = (type: RecordTypeDefinition, recordId: string, principal: Principal, tx: Queryable) => Promise<void>;

@Injectable()
export class RecordCreatedHooks {
  private readonly hooks: RecordCreatedHook[] = [];

  register(hook: RecordCreatedHook): void {
    this.hooks.push(hook);
  }

  async run(type: RecordTypeDefinition, recordId: string, principal: Principal, tx: Queryable): Promise<void> {
    for (const hook of this.hooks) await hook(type, recordId, principal, tx);
  }
}
