// Personal data in the process engine, for the CRM's export and erasure of a person: the instances
// that hold their e-mail or phone (or are about their records), and the scrub of those values from
// the instances' variables and state, their history trail and their tasks — each table through its
// repository, on the caller's transaction. Counts, states, elements and dates stay.
import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../platform/database/queryable.js';
import { HistoryRepository } from '../process-instances/history.repository.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { UserTasksRepository } from '../tasks/user-tasks.repository.js';

/** An instance that holds a person's data, as the export lists it. */
export interface PersonalDataInstance {
  id: string;
  definitionKey: string;
  businessKey: string | null;
  status: string;
  variables: Record<string, unknown>;
  createdAt: string;
}

@Injectable()
export class ProcessPersonalData {
  constructor(
    private readonly instances: ProcessInstancesRepository,
    private readonly history: HistoryRepository,
    private readonly tasks: UserTasksRepository,
  ) {}

  /** The instances whose variables hold text matching `pattern` (a PostgreSQL regular expression) or that are about `businessKeys`. */
  async instancesHolding(pattern: string, businessKeys: readonly string[], db?: Queryable): Promise<PersonalDataInstance[]> {
    const rows = await this.instances.holding(pattern, businessKeys, db);
    return rows.map((row) => ({
      id: row.id,
      definitionKey: row.definition_key,
      businessKey: row.business_key,
      status: row.status,
      variables: row.variables as Record<string, unknown>,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** Replaces every match of `pattern` in these instances' variables, state, history and tasks with `replacement`. */
  async scrub(instanceIds: readonly string[], pattern: string, replacement: string, tx: Queryable): Promise<void> {
    if (instanceIds.length === 0) return;
    await this.instances.scrub(instanceIds, pattern, replacement, tx);
    await this.history.scrub(instanceIds, pattern, replacement, tx);
    await this.tasks.scrub(instanceIds, pattern, replacement, tx);
  }
}
