import { clearedSessionCookie, sessionCookie, sessionCookieFrom } from './session-cookie.js';

describe('session cookie', () => {
  it('given a Cookie header with other cookies around it, when reading, then only the session cookie is taken', () => {
    expect(sessionCookieFrom('theme=dark; stageflow_session=a.b.c; lang=en')).toBe('a.b.c');
    expect(sessionCookieFrom('stageflow_session=x')).toBe('x');
  });

  it('given no session cookie, an empty one or a look-alike name, when reading, then there is none', () => {
    expect(sessionCookieFrom(undefined)).toBeUndefined();
    expect(sessionCookieFrom('')).toBeUndefined();
    expect(sessionCookieFrom('stageflow_session=')).toBeUndefined();
    expect(sessionCookieFrom('old_stageflow_session=x; stageflow_sessions=y')).toBeUndefined();
    expect(sessionCookieFrom(['stageflow_session=x'])).toBeUndefined();
  });

  it('given a token, when setting the cookie, then it is HttpOnly, SameSite=Strict, for the whole site, and Secure only over HTTPS', () => {
    expect(sessionCookie('a.b.c', 600, false)).toBe('stageflow_session=a.b.c; HttpOnly; SameSite=Strict; Path=/; Max-Age=600');
    expect(sessionCookie('a.b.c', 600, true)).toBe('stageflow_session=a.b.c; HttpOnly; SameSite=Strict; Path=/; Max-Age=600; Secure');
  });

  it('given a sign-out, when clearing the cookie, then it is emptied with the same attributes and no lifetime', () => {
    expect(clearedSessionCookie(false)).toBe('stageflow_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
  });
});
