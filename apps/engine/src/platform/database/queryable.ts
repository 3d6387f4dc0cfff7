/**
 * Anything that runs a parameterised statement: the DataSource, a TypeORM QueryRunner or
 * EntityManager (a transaction), a pg Pool or PoolClient. Repositories take one as their last
 * argument (the caller's transaction) and default to the data source; `rowsOf` reads the answer
 * of any of them.
 */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}
