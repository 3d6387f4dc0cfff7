// The engine's roles (apps/engine/src/platform/identity/auth/role.ts) as the web app uses them.
export type Role = 'admin' | 'analyst' | 'manager' | 'seller' | 'integrator';

export function hasAnyRole(userRoles: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => userRoles.includes(role));
}
