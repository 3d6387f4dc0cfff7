// The engine's error body `{error, message, details}` as a thrown value the screens can show in words.
import type { ApiErrorBody } from '@stageflow/api-contract';

/** One problem of an error's `details`: a field (`path`), or for a deployment a resource and element. */
export interface ApiErrorDetail {
  path?: string;
  resource?: string;
  elementId?: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The HTTP status; 0 when the engine could not be reached. */
    readonly status: number,
    /** The engine's stable code (bad_request, forbidden, not_found, ...), `network` or `http_error`. */
    readonly error: string,
    message: string,
    /** Every object of the body's `details` as the engine sent it (a refused stage move's: reason, hint, field, task). */
    readonly rawDetails: readonly Record<string, unknown>[] = [],
  ) {
    super(message);
  }

  /** The details that name a problem (they carry a `message`): by field, or by resource and element. */
  get details(): ApiErrorDetail[] {
    return this.rawDetails.filter(isDetail);
  }

  /** The problems named by field or element, as `where: what` lines. */
  detailLines(): string[] {
    return this.details.map((detail) => {
      const where = [detail.resource, detail.elementId, detail.path].filter((part) => part !== undefined && part !== '').join(' › ');
      return where === '' ? detail.message : `${where}: ${detail.message}`;
    });
  }
}

/** Reads an error answer; a body that is not the engine's JSON error (a proxy's page) keeps the status text. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) return new ApiError(response.status, body.error, body.message, body.details);
  return new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`.trim());
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiErrorBody>;
  return typeof candidate.error === 'string' && typeof candidate.message === 'string' && Array.isArray(candidate.details);
}

function isDetail(detail: Record<string, unknown>): detail is Record<string, unknown> & ApiErrorDetail {
  return typeof detail.message === 'string';
}
