// Where the sign-in page may send the user afterwards: a path of this app only, never another site
// (`//evil.example` and `https://...` are refused, as is a path back to the sign-in page).
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return '/';
  return next;
}
