// The CSRF token of the cookie session, kept in memory only: the session answers hand it over at
// sign-in and at every session restore, and apiFetch sends it with each write (X-CSRF-Token).
let current: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  current = token;
}

export function csrfToken(): string | undefined {
  return current;
}
