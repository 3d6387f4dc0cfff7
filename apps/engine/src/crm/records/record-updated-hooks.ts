// What else happens, in the same transaction, when a record is changed — the counterpart of
// RecordCreatedHooks for updates (a meeting's reminder following its new time, for one), so the
// records module knows none of the modules that care.
import { Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import type { Queryable } from '../../platform/database/queryable.js';

/** `changed`: the API names of the fields the write changed (`custom` for custom fields). */
export type RecordUpdatedHook = (type: RecordTypeDefinition, recordId: string, changed: readonly string[], tx: Queryable) => Promise<void>;

@Injectable()
export class RecordUpdatedHooks {
  private readonly hooks: RecordUpdatedHook[] = [];

  register(hook: RecordUpdatedHook): void {
    this.hooks.push(hook);
  }

  async run(type: RecordTypeDefinition, recordId: string, changed: readonly string[], tx: Queryable): Promise<void> {
    if (changed.length === 0) return;
    for (const hook of this.hooks) await hook(type, recordId, changed, tx);
  }
}
