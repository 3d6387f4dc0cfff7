// `action_runs`: one row per run of an action, by its idempotency key. runOnce inserts the row
// FIRST in the run's transaction, so a second run of the same key (a retried job, another node)
// waits on the unique key until the first commits, then reads its outcome instead of running
// the action again; if the first rolls back, the second runs it. The outcome is updated in the
// same transaction, after the runner's own writes.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { ActionRunRow } from './action-run.row.js';
import type { ActionOutcome } from './action-runner.js';

export interface ActionRunRecord {
  processInstanceId: string;
  elementId: string;
  /** The action template's key, `<planKey>/<stepId>` for a contact plan's step, `<ruleSetKey>/<ruleId>` for an actions rule set's. */
  actionKey: string;
  /** The version that ran: an action template's, the contact plan's or the actions rule set's (exactly one). */
  source: { actionTemplateId: string } | { contactPlanId: string } | { ruleSetId: string };
  actionType: string;
}

/** Stored while the run's transaction is open; never visible after commit. */
const RUNNING = { kind: 'running' } as const;

@Injectable()
export class ActionRunsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  /** The recorded outcome of a run, or undefined when it has not run (or rolled back). */
  async outcome(idempotencyKey: string): Promise<ActionOutcome | undefined> {
    const rows = rowsOf<Pick<ActionRunRow, 'outcome'>>(
      await this.dataSource.query('SELECT outcome FROM action_runs WHERE idempotency_key = $1', [idempotencyKey]),
    );
    return rows[0]?.outcome;
  }

  /** The recorded outcomes of an instance's contact-plan steps, by idempotency key. */
  async contactPlanOutcomes(processInstanceId: string): Promise<Pick<ActionRunRow, 'idempotency_key' | 'outcome'>[]> {
    return rowsOf<Pick<ActionRunRow, 'idempotency_key' | 'outcome'>>(
      await this.dataSource.query('SELECT idempotency_key, outcome FROM action_runs WHERE process_instance_id = $1 AND contact_plan_id IS NOT NULL', [
        processInstanceId,
      ]),
    );
  }

  /** Runs `action` once for `idempotencyKey`, recording its outcome in its own transaction; a recorded outcome is returned as it is. */
  async runOnce(idempotencyKey: string, record: ActionRunRecord, action: (tx: Queryable) => Promise<ActionOutcome>): Promise<ActionOutcome> {
    return this.transactions.run(async (tx) => {
      const inserted = rowsOf(
        await tx.query(
          `INSERT INTO action_runs (idempotency_key, process_instance_id, element_id, action_key, action_template_id, contact_plan_id, rule_set_id, action_type, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
          [
            idempotencyKey,
            record.processInstanceId,
            record.elementId,
            record.actionKey,
            'actionTemplateId' in record.source ? record.source.actionTemplateId : null,
            'contactPlanId' in record.source ? record.source.contactPlanId : null,
            'ruleSetId' in record.source ? record.source.ruleSetId : null,
            record.actionType,
            JSON.stringify(RUNNING),
          ],
        ),
      );
      if (inserted.length === 0) {
        const rows = rowsOf<Pick<ActionRunRow, 'outcome'>>(await tx.query('SELECT outcome FROM action_runs WHERE idempotency_key = $1', [idempotencyKey]));
        const recorded = rows[0]?.outcome;
        if (!recorded) throw new Error(`action run ${idempotencyKey} vanished`);
        return recorded;
      }
      const outcome = await action(tx);
      await tx.query('UPDATE action_runs SET outcome = $2 WHERE idempotency_key = $1', [idempotencyKey, JSON.stringify(outcome)]);
      return outcome;
    });
  }
}
