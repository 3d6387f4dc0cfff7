// The rows of a statement run through a caller's connection, whatever kind it is: a pg Pool or
// PoolClient answers `{rows}`, TypeORM's QueryRunner.query and EntityManager.query answer the
// rows themselves.
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result !== null && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) return (result as { rows: T[] }).rows;
  throw new Error('the connection answered no rows');
}
