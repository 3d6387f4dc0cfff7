// A real HTTP server on 127.0.0.1; only DNS is stood in for (a resolver function), since the
// test cannot own a name server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowList } from './address-policy.js';
import { checkDestination, postJson, WebhookRefused, type Resolver } from './webhook-http-client.js';

interface Received {
  host: string | undefined;
  body: string;
}

describe('webhook http client', () => {
  let server: http.Server;
  let port = 0;
  const received: Received[] = [];
  let answer: (response: http.ServerResponse) => void = (response) => response.writeHead(204).end();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ host: request.headers.host, body });
        answer(response);
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  });

  beforeEach(() => {
    received.length = 0;
    answer = (response) => response.writeHead(204).end();
  });

  const unused: Resolver = () => Promise.reject(new Error('the resolver must not be asked'));

  it('given a host not on the allow-list, when checked, then it is refused without resolving it', async () => {
    const policy = { allowList: parseAllowList('hooks.example.com'), allowPrivate: false };

    await expect(checkDestination('https://evil.example.org/hook', policy, unused)).rejects.toThrow(
      new WebhookRefused('host evil.example.org is not on WEBHOOK_ALLOWED_HOSTS (hooks.example.com)'),
    );
    await expect(checkDestination('https://x.example.org/hook', { allowList: parseAllowList(''), allowPrivate: false }, unused)).rejects.toThrow(
      /empty: no host is allowed/,
    );
    await expect(checkDestination('ftp://hooks.example.com/x', policy, unused)).rejects.toThrow(/only http and https/);
  });

  it('given an allowed name that resolves to loopback and a private address literal, when checked, then both are refused naming address and range', async () => {
    const policy = { allowList: parseAllowList('hooks.example.com 10.1.2.3'), allowPrivate: false };
    const rebound: Resolver = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ];

    await expect(checkDestination('https://hooks.example.com/x', policy, rebound)).rejects.toThrow(
      'host hooks.example.com resolves only to refused addresses: 127.0.0.1 (loopback), ::1 (loopback); private, loopback',
    );
    await expect(checkDestination('http://[fe80::1]/x', { allowList: parseAllowList('*'), allowPrivate: false }, unused)).rejects.toThrow(
      'address fe80::1 (linkLocal) is refused',
    );
    await expect(checkDestination('http://10.1.2.3/x', policy, unused)).resolves.toEqual(expect.objectContaining({ address: '10.1.2.3', family: 4 }));
  });

  it('given a name that passed the check, when posted, then the socket goes to the checked address without asking DNS again', async () => {
    let lookups = 0;
    // A second answer would point elsewhere (rebinding): it must never be asked for.
    const resolver: Resolver = async () => (lookups++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '127.0.0.2', family: 4 }]);
    const destination = await checkDestination(`http://hooks.test:${port}/hook`, { allowList: parseAllowList('hooks.test'), allowPrivate: true }, resolver);

    const response = await postJson(destination, { 'Content-Type': 'application/json' }, '{"a":1}', 5000);

    expect(response.status).toBe(204);
    expect(lookups).toBe(1);
    expect(received).toEqual([{ host: `hooks.test:${port}`, body: '{"a":1}' }]);
  });

  it('given a receiver that redirects, when posted, then the redirect is answered, not followed', async () => {
    answer = (response) => response.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data' }).end();
    const destination = await checkDestination(`http://127.0.0.1:${port}/hook`, { allowList: parseAllowList('127.0.0.1'), allowPrivate: false }, unused);

    const response = await postJson(destination, {}, '{}', 5000);

    expect(response).toEqual({ status: 302, snippet: '', location: 'http://169.254.169.254/latest/meta-data' });
    expect(received).toHaveLength(1);
  });

  it('given a receiver that answers and keeps streaming its body, when posted, then the answer and the start of the body come back without waiting for the end', async () => {
    answer = (response) => {
      response.writeHead(500);
      response.write('x'.repeat(1000));
    };
    const destination = await checkDestination(`http://127.0.0.1:${port}/hook`, { allowList: parseAllowList('127.0.0.1'), allowPrivate: false }, unused);

    const response = await postJson(destination, {}, '{}', 60_000);

    expect(response).toEqual({ status: 500, snippet: 'x'.repeat(300) });
  });

  it('given a receiver that never answers, when posted, then the call fails at its deadline', async () => {
    answer = () => undefined;
    const destination = await checkDestination(`http://127.0.0.1:${port}/hook`, { allowList: parseAllowList('127.0.0.1'), allowPrivate: false }, unused);

    await expect(postJson(destination, {}, '{}', 300)).rejects.toThrow('no answer within 300 ms');
  });
});
