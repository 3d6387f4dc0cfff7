import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type ErrorCode } from '../errors/domain-errors.js';
import { loggableError } from '../errors/loggable-error.js';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';

/** The body of every error the API answers with. */
export interface ApiErrorBody {
  error: ErrorCode;
  message: string;
  details: unknown[];
}

/** The status of each kind of domain error: the one place where the domain meets HTTP. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_definition: 422,
  internal_error: 500,
  service_unavailable: 503,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_definition',
  503: 'service_unavailable',
};

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && 'message' in value && 'details' in value;
}

/** Renders every error as `{error, message, details}`; unknown errors become a logged 500. */
export function toErrorBody(exception: unknown): { status: number; body: ApiErrorBody } {
  if (exception instanceof DomainError) {
    return { status: STATUS_BY_CODE[exception.code], body: { error: exception.code, message: exception.message, details: exception.details } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isApiErrorBody(response)) return { status, body: response };
    const message =
      typeof response === 'string'
        ? response
        : typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
    return { status, body: { error: CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'), message, details: [] } };
  }
  // Body errors carry their own status (413 too large, 400 malformed): the engine's JSON parser
  // says it as body-parser did ({status, type}), Fastify's own checks as {statusCode, code}.
  if (typeof exception === 'object' && exception !== null) {
    const {
      status: ownStatus,
      statusCode,
      type,
      code,
      message,
    } = exception as { status?: unknown; statusCode?: unknown; type?: unknown; code?: unknown; message?: unknown };
    const status = typeof ownStatus === 'number' ? ownStatus : statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const text =
        type === 'entity.parse.failed'
          ? 'the request body is not valid JSON'
          : type === 'entity.too.large' || code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'the request body is larger than the limit'
            : String(message ?? 'bad request');
      return { status, body: { error: CODE_BY_STATUS[status] ?? 'bad_request', message: text, details: [] } };
    }
  }
  if (isDatabaseUnavailable(exception)) {
    return { status: 503, body: { error: 'service_unavailable', message: 'the database is unavailable; retry shortly', details: [] } };
  }
  return { status: 500, body: { error: 'internal_error', message: 'internal error', details: [] } };
}

/** The part of Fastify's reply the filter uses. */
interface ErrorReply {
  readonly sent: boolean;
  header(name: string, value: string): unknown;
  status(code: number): { send(payload: unknown): unknown };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ErrorReply>();
    const { status, body } = toErrorBody(exception);
    if (status === 503) this.logger.warn(body.message);
    else if (status >= 500) this.logger.error(loggableError(exception, { stack: true }));
    if (response.sent) return;
    if (status === 503) response.header('Retry-After', '1');
    // Always JSON, whatever type the route declared for its answer (GET …/xml sets XML): Fastify refuses to send an object as XML.
    response.header('Content-Type', 'application/json; charset=utf-8');
    response.status(status).send(body);
  }
}
