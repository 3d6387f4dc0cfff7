// A webhook receiver for the API tests: a real HTTP(S) server on a loopback address that records
// every call and answers by path — /flaky 500 on the first call then 200, a path in `gone`
// (/gone at first) 404, anything else 200.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  /** Paths answered 404 (a test deletes one to let the next attempt through). */
  readonly gone = new Set(['/gone']);
  port = 0;
  private readonly server: http.Server;

  /** `tls`: serve https with this key and certificate. */
  constructor(
    readonly host: string,
    private readonly tls?: { key: string; cert: string },
  ) {
    this.server = tls
      ? https.createServer(tls, (request, response) => this.answer(request, response))
      : http.createServer((request, response) => this.answer(request, response));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.calls.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const seen = this.calls.filter((call) => call.path === path).length;
      const status = this.gone.has(path) ? 404 : path.startsWith('/flaky') && seen === 1 ? 500 : 200;
      response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : `status ${status}`);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((listening) => this.server.listen(0, this.host, listening));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((closed) => this.server.close(closed));
  }

  url(path: string): string {
    return `${this.tls ? 'https' : 'http'}://${this.host}:${this.port}${path}`;
  }

  callsTo(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }
}
