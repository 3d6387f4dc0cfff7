import { csrfTokenFor, csrfTokenMatches, isWriteMethod } from './csrf-token.js';

const SECRET = 'a-test-secret';
const SESSION = '6f1c2d3e-0000-4000-8000-000000000001';
const OTHER_SESSION = '6f1c2d3e-0000-4000-8000-000000000002';

describe('CSRF token', () => {
  it('given a session, when its token is computed twice, then both are the same URL-safe text', () => {
    expect(csrfTokenFor(SECRET, SESSION)).toBe(csrfTokenFor(SECRET, SESSION));
    expect(csrfTokenFor(SECRET, SESSION)).toMatch(/^[\w-]{43}$/);
  });

  it("given the session's token, when checked, then it matches", () => {
    expect(csrfTokenMatches(SECRET, SESSION, csrfTokenFor(SECRET, SESSION))).toBe(true);
  });

  it("given another session's token, another secret's, a truncated one, none or several, when checked, then it does not match", () => {
    const token = csrfTokenFor(SECRET, SESSION);
    expect(csrfTokenMatches(SECRET, SESSION, csrfTokenFor(SECRET, OTHER_SESSION))).toBe(false);
    expect(csrfTokenMatches(SECRET, SESSION, csrfTokenFor('another-secret', SESSION))).toBe(false);
    expect(csrfTokenMatches(SECRET, SESSION, token.slice(1))).toBe(false);
    expect(csrfTokenMatches(SECRET, SESSION, '')).toBe(false);
    expect(csrfTokenMatches(SECRET, SESSION, undefined)).toBe(false);
    expect(csrfTokenMatches(SECRET, SESSION, [token, token])).toBe(false);
  });

  it('given the HTTP methods, then POST, PUT, PATCH and DELETE are writes and GET, HEAD, OPTIONS are not', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isWriteMethod)).toEqual([true, true, true, true]);
    expect(['GET', 'HEAD', 'OPTIONS'].map(isWriteMethod)).toEqual([false, false, false]);
  });
});
