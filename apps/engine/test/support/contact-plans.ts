// Contact plans for API tests.

export function contactPlan(key: string, steps: { id: string; offset: string; action: Record<string, unknown> }[]): string {
  return JSON.stringify({ key, name: key, steps });
}
