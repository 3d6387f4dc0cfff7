// For service specs: Transactions that runs the work at once on a connection of its own, which
// fake repositories can recognise (writes that should share the transaction get this `tx`).
import type { Queryable } from './queryable.js';
import type { Transactions } from './transactions.js';

export class FakeTransactions implements Pick<Transactions, keyof Transactions> {
  /** The connection of the latest transaction (no fake repository sends it SQL). */
  readonly tx: Queryable = { query: () => Promise.reject(new Error('a fake transaction runs no SQL')) };
  /** How many transactions were run. */
  runs = 0;

  run<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.runs += 1;
    return work(this.tx);
  }
}
