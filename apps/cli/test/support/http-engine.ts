// A real HTTP server on a loopback port that answers as the test says: the CLI's transport, status
// handling and timeouts run for real, without an engine (the engine itself: apps/engine/test/cli.e2e-spec.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface HttpEngine {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Answer = { status: number; json?: unknown; bytes?: Uint8Array } | 'never';

export async function startHttpEngine(answer: (request: RecordedRequest) => Answer): Promise<HttpEngine> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming: IncomingMessage, reply: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      const chosen = answer(request);
      if (chosen === 'never') return;
      if (chosen.bytes) {
        reply.writeHead(chosen.status, { 'content-type': 'application/zip' }).end(chosen.bytes);
      } else {
        reply.writeHead(chosen.status, { 'content-type': 'application/json' }).end(chosen.json === undefined ? '' : JSON.stringify(chosen.json));
      }
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** The URL of a loopback port nobody listens on (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return `http://127.0.0.1:${port}`;
}
