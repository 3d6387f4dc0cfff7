// A small JSON-over-HTTP client on node:http with a keep-alive agent: one socket per
// concurrent client, reused for every request, and no body parsing beyond JSON.parse.
import { Agent, request } from 'node:http';

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
  private readonly agent: Agent;
  private token: string | undefined;

  constructor(
    private readonly baseUrl: URL,
    maxSockets: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  authorize(token: string): void {
    this.token = token;
  }

  /** Sends a request and resolves with the status and parsed JSON; rejects with HttpError on >= 400. */
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 400) return reject(new HttpError(method, path, status, text));
          try {
            resolve({ status, body: text === '' ? undefined : (JSON.parse(text) as unknown) });
          } catch {
            reject(new HttpError(method, path, status, `not JSON: ${text}`));
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
