import { HttpException } from '@nestjs/common';

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_definition'
  | 'internal_error'
  | 'service_unavailable';

export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
  details: unknown[];
}

/** Every error the API answers with: `{error, message, details}` and its status. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super({ error: code, message, details } satisfies ApiErrorBody, status);
  }

  static badRequest(message: string, details: unknown[] = []): ApiError {
    return new ApiError(400, 'bad_request', message, details);
  }

  /** 400 naming the offending field (a path such as `variables.customer.__proto__`). */
  static invalidField(path: string, message: string): ApiError {
    return new ApiError(400, 'bad_request', `${path} ${message}`, [{ path, message }]);
  }

  /** 400 listing every issue a validator found, `details: [{path, message}]`. */
  static invalidBody(issues: { path: string; message: string }[]): ApiError {
    const first = issues[0];
    const message = first ? `${first.path === '' ? 'the body' : first.path} ${first.message}` : 'invalid request body';
    return new ApiError(400, 'bad_request', issues.length > 1 ? `${message} (and ${issues.length - 1} more)` : message, issues);
  }

  static unauthorized(message = 'authentication required'): ApiError {
    return new ApiError(401, 'unauthorized', message);
  }

  static forbidden(message: string): ApiError {
    return new ApiError(403, 'forbidden', message);
  }

  static notFound(message: string): ApiError {
    return new ApiError(404, 'not_found', message);
  }

  static conflict(message: string, details: unknown[] = []): ApiError {
    return new ApiError(409, 'conflict', message, details);
  }
}
