// Tells every node of the cluster that a user or the API tokens changed, so that each forgets what
// it cached of them: PostgreSQL LISTEN/NOTIFY on one channel. The repositories send the NOTIFY in
// the statement that makes the change (delivered at its commit); this class keeps one connection
// per node that LISTENs and hands each payload to the subscribers.
//
// Why LISTEN/NOTIFY and not a short cache lifetime alone: a deactivated user must be refused at
// once on every node, not after a lifetime. While the connection is down (database restart) a
// notification can be lost, so the caches hold nothing meanwhile (`listening` is false: every
// request reads the user) and are emptied when the connection is back.
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** The channel; payloads are `user:<id>` (that user changed) and `api-tokens` (a token was revoked). */
export const IDENTITY_CHANNEL = 'stageflow_identity';
/** The payload subscribers get when the connection was (re)established: everything may have changed. */
export const EVERYTHING_CHANGED = '*';

const RECONNECT_DELAY_MS = 1000;

@Injectable()
export class IdentityChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('IdentityChanges');
  private readonly subscribers: ((payload: string) => void)[] = [];
  private client?: pg.Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  /** True while this node LISTENs: only then may the identity caches hold anything. */
  listening = false;

  constructor(private readonly dataSource: DataSource) {}

  subscribe(subscriber: (payload: string) => void): void {
    this.subscribers.push(subscriber);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
  }

  private emit(payload: string): void {
    for (const subscriber of this.subscribers) subscriber(payload);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'stageflow-identity' });
    client.on('notification', (message) => {
      if (message.channel === IDENTITY_CHANNEL) this.emit(message.payload ?? EVERYTHING_CHANGED);
    });
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${IDENTITY_CHANNEL}`);
      if (this.client !== client) return;
      this.listening = true;
      this.emit(EVERYTHING_CHANGED);
    } catch (error) {
      this.lost(client, error instanceof Error ? error.message : String(error));
    }
  }

  private lost(client: pg.Client, reason: string): void {
    if (this.client !== client) return;
    const wasListening = this.listening;
    this.listening = false;
    this.client = undefined;
    this.emit(EVERYTHING_CHANGED);
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    if (wasListening) this.log.warn(`identity change notifications lost (${reason}); users are read on every request until they are back`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, RECONNECT_DELAY_MS);
  }
}
