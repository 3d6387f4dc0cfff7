// The few requests Fastify answers itself, before any route or Nest filter runs: a URL whose
// %-escapes do not decode (bytes that are not UTF-8, a malformed escape) and a path parameter over
// the length limit. They get the API's error body too, not Fastify's own shape.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from './api-exception.filter.js';
import { SECURITY_HEADERS } from './security-headers.js';

export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = tooLong ? 'a path parameter is longer than the limit' : 'is not valid UTF-8 or has a malformed %-escape';
  const body: ApiErrorBody = { error: 'bad_request', message: tooLong ? message : `path ${message}`, details: [{ in: 'path', path: '', message }] };
  void reply
    .headers(SECURITY_HEADERS)
    .code(tooLong ? 414 : 400)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(body);
}
