// Calls a webhook receiver safely: the URL's host must be on the allow-list, the addresses it
// resolves to are checked NOW (at delivery, not when the action was queued), and the socket
// connects to exactly the address that passed — Node's `lookup` option is pinned to it, so a
// second DNS answer (rebinding to 127.0.0.1 between check and connect) is never asked for.
// TLS still verifies the certificate against the host name. No redirects (node:http follows
// none), no proxy from the environment, no connection reuse, a deadline on the whole call.
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkAddress, isHostAllowed, type AllowList } from './address-policy.js';

/** Resolves a host name to its addresses (the system resolver in production). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface DestinationPolicy {
  allowList: AllowList;
  allowPrivate: boolean;
}

/** A call the policy refuses: retrying cannot help until the configuration changes. */
export class WebhookRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRefused';
  }
}

/** A URL whose host and address passed the policy: connect to `address`, nowhere else. */
export interface Destination {
  url: URL;
  address: string;
  family: 4 | 6;
}

export interface WebhookResponse {
  status: number;
  /** The start of the response body (for the delivery's last error). */
  snippet: string;
  location?: string;
}

const SNIPPET_LENGTH = 300;

export async function checkDestination(rawUrl: string, policy: DestinationPolicy, resolve: Resolver): Promise<Destination> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new WebhookRefused(`"${rawUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookRefused(`${url.protocol}// URLs are not called: only http and https`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!isHostAllowed(host, policy.allowList)) {
    throw new WebhookRefused(
      `host ${host} is not on WEBHOOK_ALLOWED_HOSTS (${policy.allowList.text === '' ? 'empty: no host is allowed' : policy.allowList.text})`,
    );
  }
  let candidates: LookupAddress[];
  if (isIP(host) !== 0) {
    candidates = [{ address: host, family: isIP(host) }];
  } else {
    try {
      candidates = await resolve(host);
    } catch (error) {
      // Not a refusal: DNS may answer on the next attempt.
      throw new Error(`cannot resolve ${host}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const refused: string[] = [];
  for (const candidate of candidates) {
    const verdict = checkAddress(candidate.address, policy.allowList, policy.allowPrivate);
    if (verdict.allowed) return { url, address: candidate.address, family: candidate.family === 6 ? 6 : 4 };
    refused.push(`${candidate.address} (${verdict.range})`);
  }
  if (refused.length === 0) throw new Error(`cannot resolve ${host}: no addresses`);
  const what = isIP(host) !== 0 ? `address ${refused.join(', ')} is refused` : `host ${host} resolves only to refused addresses: ${refused.join(', ')}`;
  throw new WebhookRefused(
    `${what}; private, loopback, link-local and unique-local addresses need WEBHOOK_ALLOW_PRIVATE=true or the address on WEBHOOK_ALLOWED_HOSTS`,
  );
}

/** POSTs `body` to the checked destination; resolves with any HTTP answer, rejects on network errors and the deadline. */
export function postJson(destination: Destination, headers: Record<string, string>, body: string, timeoutMs: number): Promise<WebhookResponse> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
  const client = destination.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      destination.url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        let text = '';
        // The status is the answer; of the body only its start is kept, and a receiver that keeps
        // streaming is cut off there rather than holding the call until the deadline.
        const finish = (): void => {
          const location = response.headers.location;
          resolve({ status: response.statusCode ?? 0, snippet: text.slice(0, SNIPPET_LENGTH).trim(), ...(location ? { location } : {}) });
          response.destroy();
        };
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.length >= SNIPPET_LENGTH) finish();
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    request.on('error', (error: Error) =>
      reject(error.name === 'TimeoutError' || error.name === 'AbortError' ? new Error(`no answer within ${timeoutMs} ms`) : error),
    );
    request.end(body);
  });
}
