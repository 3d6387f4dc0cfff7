// Security headers on everything the engine serves (the API, /api/docs, and the web app at `/`,
// web-app.ts). The Content-Security-Policy allows only the engine's own scripts: the web app is
// served from the same origin and lives within it (its build has no inline script). Inline styles are allowed because the API docs (Swagger
// UI) set element styles; inline scripts are not.
//
// Written by one hook from a map built once: @fastify/helmet ran a dozen middleware functions per
// request, about a fifth of the engine's throughput in the HTTP benchmark (docs/performance.md).
import type { FastifyInstance } from 'fastify';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The four that matter for an API and a single-origin web app; helmet's others (DNS prefetch,
 * download options, cross-domain policies, the XSS auditor, COOP/CORP) guard against what this
 * engine does not serve, and every header is bytes on every answer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // The engine is never framed (frame-ancestors above); X-Frame-Options says the same to older browsers.
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // No Strict-Transport-Security: HTTPS is the proxy's business, and on plain-HTTP localhost it would only confuse.
});

/** Sets the headers on every answer, the API docs' and error answers included (call before routes are registered). */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
}
