// A small JSON-over-HTTP client on undici's Pool: one keep-alive connection per concurrent
// client, reused for every request, and no body parsing beyond JSON.parse. undici rather than
// node:http because the load generator shares the machine's two cores with the engine and
// PostgreSQL: node:http's client spent about twice the CPU per request (docs/performance.md),
// CPU the measured system then did not have.
import { Pool } from 'undici';

export interface JsonResponse {
  status: number;
  body: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} -> ${status} ${body.slice(0, 300)}`);
    this.name = 'HttpError';
  }
}

export class HttpClient {
  private readonly pool: Pool;
  private token: string | undefined;

  constructor(baseUrl: URL, maxSockets: number, timeoutMs = 30_000) {
    this.pool = new Pool(baseUrl.origin, { connections: maxSockets, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  authorize(token: string): void {
    this.token = token;
  }

  /** Sends a request and resolves with the status and parsed JSON; rejects with HttpError on >= 400. */
  async send(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<JsonResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await this.pool.request({ method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.body.text();
    const status = response.statusCode;
    if (status >= 400) throw new HttpError(method, path, status, text);
    try {
      return { status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    } catch {
      throw new HttpError(method, path, status, `not JSON: ${text}`);
    }
  }

  close(): void {
    void this.pool.destroy();
  }
}
