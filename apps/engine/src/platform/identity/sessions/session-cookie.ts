// The browser's session cookie: the web app signs in with POST /auth/session and from then on the
// browser sends this cookie with every request. HttpOnly keeps it out of reach of page scripts,
// SameSite=Strict keeps other sites' pages from sending it; writes need the CSRF token as well
// (csrf-token.ts), which a page of another origin cannot read.

export const SESSION_COOKIE = 'stageflow_session';

/** The session cookie's value in a Cookie header; undefined when there is none. */
export function sessionCookieFrom(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(equals + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** The Set-Cookie value that keeps `token` for `maxAgeSeconds`; `secure` when the request came over HTTPS. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that makes the browser drop the cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
