// Errors that mean "the database cannot be reached right now" (restarting, failing over, the
// network dropped a connection) rather than a bug: the API answers 503, so clients retry, and
// the pool opens fresh connections once the server is back.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, driverError } = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (driverError !== undefined && driverError !== error && isDatabaseUnavailable(driverError)) return true;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

interface ClientPool {
  on(event: 'connect', listener: (client: { on(event: 'error', listener: (error: Error) => void): unknown }) => void): unknown;
}

/**
 * pg-pool removes its own error listener from a client while the client is checked out: a
 * server that terminates connections (a restart) then makes that client emit an 'error' event
 * nobody listens to, which ends the process. Every client of `pool` gets a listener of its own
 * (queries in flight still fail and are answered 503); existing clients too.
 */
export function guardPoolClients(pool: ClientPool, log: (message: string) => void): void {
  const guard = (client: { on(event: 'error', listener: (error: Error) => void): unknown }): void => {
    client.on('error', (error) => log(`database connection lost: ${error.message}`));
  };
  pool.on('connect', guard);
  for (const client of (pool as unknown as { _clients?: { on(event: 'error', listener: (error: Error) => void): unknown }[] })._clients ?? []) guard(client);
}
