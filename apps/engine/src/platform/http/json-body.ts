// The request bodies the engine reads, on Fastify, with the semantics the API has always had
// (those of Express's body-parser): application/json is parsed strictly (a top-level object or
// array; an empty body is {}), up to a byte limit; every other content type (except multipart,
// which the deployments route reads itself) is left unread and the body is undefined, so a
// route answers its own 400 instead of Fastify's 415. Parse errors carry body-parser's
// {status, type}, which toErrorBody renders as 400 / 413 in the API's error format.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertStorableText, assertUtf8 } from './storable-text.js';

/** An error shaped like body-parser's, so the API's error rendering stays one code path. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'entity.parse.failed' | 'entity.too.large',
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/** '1mb', '512kb', '100' (bytes): the size notation of the engine's configuration. */
export function byteLimit(limit: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!match?.[1]) throw new Error(`not a size: ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.floor(Number(match[1]) * unit);
}

/** Strict JSON: only an object or an array at the top level (body-parser's `strict: true`). */
export function parseStrictJson(text: string): unknown {
  if (text.length === 0) return {};
  // oxlint-disable-next-line no-control-regex -- JSON's whitespace is exactly these four characters (RFC 8259).
  const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new BodyError(400, 'entity.parse.failed', 'the request body is not valid JSON');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'entity.parse.failed', 'the request body is not valid JSON');
  }
}

/**
 * Replaces Fastify's own body parsers with the engine's (call before the routes are registered).
 * application/zip (a process package) is read as bytes up to `zipLimitBytes`: Fastify stops
 * reading past it (413), so an oversized upload is never held in memory whole.
 */
export function installBodyParsers(fastify: FastifyInstance, jsonLimitBytes: number, zipLimitBytes: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: jsonLimitBytes },
    (_request: FastifyRequest, body: string | Buffer, done) => {
      try {
        // Bytes first: invalid UTF-8 is refused, not decoded into U+FFFD; then text the database cannot store.
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        assertUtf8(bytes, 'body');
        const parsed = parseStrictJson(bytes.toString('utf8'));
        assertStorableText(parsed, 'body');
        done(null, parsed);
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  fastify.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: zipLimitBytes }, (_request: FastifyRequest, body: string | Buffer, done) =>
    done(null, body),
  );
  // Any other type: not read, body undefined (Express ignored bodies it had no parser for).
  fastify.addContentTypeParser('*', (_request: FastifyRequest, _payload, done) => done(null, undefined));
}
