// The engine's HTTP API as the demo uses it: JSON in and out with a bearer token, every answer
// other than 2xx an error naming the call and the engine's message (the demo stops on the first
// one: each call is something the standard processes must accept), and polling for what the
// engine does after it answered (a record's process starting, a task appearing).
export class DemoApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
    this.name = 'DemoApiError';
  }
}

export type Json = Record<string, unknown>;

export class DemoApi {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): DemoApi {
    return new DemoApi(this.baseUrl, token);
  }

  get<T = Json>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T = Json>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  put<T = Json>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }

  patch<T = Json>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, body);
  }

  async login(username: string, password: string): Promise<DemoApi> {
    const { accessToken } = await this.post<{ accessToken: string }>('/auth/login', { username, password });
    return this.as(accessToken);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new DemoApiError(method, path, response.status, text);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

/** `probe` until it answers something other than undefined (the engine works after it answered), at most `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** Runs `work` on every item, at most `concurrency` at a time; rejects with the first failure. */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
