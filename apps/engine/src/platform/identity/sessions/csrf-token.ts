// The CSRF token of a cookie session: an HMAC of the session id with the engine's secret. It is
// bound to the session (another session's token does not match), needs no storage, and every
// node computes the same one. Cookie-authenticated writes must send it as X-CSRF-Token: another
// site can make the browser send the cookie but cannot read the token.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

/** True when `given` (the X-CSRF-Token header) is the session's token; compared in constant time. */
export function csrfTokenMatches(secret: string, sessionId: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Methods that change something; GET, HEAD and OPTIONS need no CSRF token. */
export function isWriteMethod(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}
