// One transaction over several repositories: the service that coordinates them runs its work on
// the `tx` this gives and passes it to each repository call, so the writes commit together.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from './queryable.js';

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction (READ COMMITTED): committed when it resolves, rolled back when it throws. */
  run<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(manager));
  }
}
