import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The process group of a process (Linux /proc). */
function processGroup(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** A client that records the error its connection gets, if any. */
async function watchedClient(url: string): Promise<{ client: pg.Client; errors: string[] }> {
  const client = new pg.Client({ connectionString: url });
  const errors: string[] = [];
  client.on('error', (error) => errors.push(error.message));
  await client.connect();
  return { client, errors };
}

describe('startPostgresServer', () => {
  let root: string;
  let server: PostgresServer | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stageflow-pg-server-spec-'));
  });

  afterAll(async () => {
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('given an empty folder, when started, then initialises a cluster, serves on loopback and stops cleanly', async () => {
    server = await startPostgresServer({ dataDir: join(root, 'pg'), password: 'spec' });
    await server.ensureDatabase('spec_db');
    await server.ensureDatabase('spec_db'); // idempotent
    await query(server.url('spec_db'), 'CREATE TABLE kept (id int)');
    const [row] = await query(server.url('spec_db'), "SELECT inet_server_addr()::text AS address, current_setting('port') AS port");
    expect(row).toEqual({ address: '127.0.0.1/32', port: String(server.port) });
    const pid = server.postmasterPid();
    expect(pid).toBeGreaterThan(0);

    await server.stop();
    await server.stop(); // a second stop does nothing
    expect(() => process.kill(pid!, 0)).toThrow(); // the postmaster is gone
    expect(server.postmasterPid()).toBeUndefined();
  });

  it('given a stopped cluster, when started again, then its data is still there', async () => {
    server = await startPostgresServer({ dataDir: join(root, 'pg'), password: 'spec' });
    const rows = await query(server.url('spec_db'), "SELECT to_regclass('kept')::text AS kept");
    expect(rows).toEqual([{ kept: 'kept' }]);
  });

  it('given a cluster this process still runs, when started a second time, then refuses and leaves the first running', async () => {
    await expect(startPostgresServer({ dataDir: join(root, 'pg'), password: 'spec' })).rejects.toThrow(/in use by another process/);
    expect(await query(server!.url('postgres'), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await server!.stop();
    server = undefined;
  });

  it('given detached, when started, then the server leads a process group of its own, so a Ctrl-C at the terminal does not reach it', async () => {
    server = await startPostgresServer({ dataDir: join(root, 'pg'), password: 'spec', detached: true });
    const pid = server.postmasterPid()!;

    expect(processGroup(pid)).toBe(pid);
    expect(processGroup(pid)).not.toBe(processGroup(process.pid));
    await server.stop();
    server = undefined;
  });

  it('given a grace period, when stopped while a client is still closing, then its session ends normally; without one, it is terminated', async () => {
    server = await startPostgresServer({ dataDir: join(root, 'pg'), password: 'spec' });
    const closing = await watchedClient(server.url('postgres'));
    const stopping = server.stop({ graceMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await closing.client.end();
    await stopping;
    expect(closing.errors).toEqual([]);

    server = await startPostgresServer({ dataDir: join(root, 'pg'), password: 'spec' });
    const open = await watchedClient(server.url('postgres'));
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(open.errors[0]).toContain('terminating connection due to administrator command');
    server = undefined;
  });
});
