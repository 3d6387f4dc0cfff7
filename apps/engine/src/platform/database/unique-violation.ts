// PostgreSQL's unique violation (23505) on one named constraint: how a job that runs twice
// learns that an earlier run already wrote its row (and that its own statement wrote nothing).
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const details = error as { code?: unknown; constraint?: unknown } | null;
  return details?.code === '23505' && details.constraint === constraint;
}
