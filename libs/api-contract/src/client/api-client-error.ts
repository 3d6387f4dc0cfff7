import type { ApiErrorBody } from '../resources/errors.contract.js';

/** A non-2xx answer of the engine: its status and, when it sent one, its `{error, message, details}` body. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** The engine's error body; undefined when the answer was not one (e.g. a proxy's page). */
    readonly body: ApiErrorBody | undefined,
  ) {
    super(`${method} ${path}: ${status}${body ? ` ${body.error}: ${body.message}` : ''}`);
  }

  /** The stable error code (`not_found`, `conflict`, ...), or undefined without an error body. */
  get error(): string | undefined {
    return this.body?.error;
  }

  /** The problems one by one (`[{path, message}]` for a 400); empty without an error body. */
  get details(): Record<string, unknown>[] {
    return this.body?.details ?? [];
  }
}

/** Whether `body` has the shape of the engine's error body. */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { error, message, details } = body as Record<string, unknown>;
  return typeof error === 'string' && typeof message === 'string' && (details === undefined || Array.isArray(details));
}
