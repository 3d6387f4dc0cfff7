// The one thing code that works inside a caller's transaction needs: run a statement, get its
// rows. A TypeORM EntityManager of a transaction satisfies it as it is (for SELECTs and CTEs;
// its bare UPDATE/DELETE answers differ, so such code writes them as CTEs); a pg client inside
// BEGIN goes through pgSqlRunner.
import type { ClientBase } from 'pg';

export interface SqlRunner {
  query<T>(text: string, values: unknown[]): Promise<T[]>;
}

export function pgSqlRunner(client: ClientBase): SqlRunner {
  return {
    async query<T>(text: string, values: unknown[]): Promise<T[]> {
      return (await client.query(text, values)).rows as T[];
    },
  };
}
