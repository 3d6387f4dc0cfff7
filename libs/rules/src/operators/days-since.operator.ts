// `daysSince`: whole days from the fact's date to `now` within {min?, max?} (both included),
// e.g. "no contact for 30 days or more": {min: 30}. Whole days are elapsed 24-hour periods,
// rounded down, so the result does not depend on a time zone; a future date gives negative days.
// `now` comes from the caller: the operator reads no clock.
import { instantOf } from './instant.js';
import { simpleOperator, type RuleOperator } from './rule-operator.js';

const dayMs = 86_400_000;

export function daysBetween(from: number, now: number): number {
  return Math.floor((now - from) / dayMs);
}

export const daysSinceOperator: RuleOperator = simpleOperator('daysSince', (factValue, value, now) => {
  const from = instantOf(factValue);
  if (from === undefined || typeof value !== 'object' || value === null) return false;
  const { min, max } = value as { min?: unknown; max?: unknown };
  const days = daysBetween(from, now);
  return (typeof min !== 'number' || days >= min) && (typeof max !== 'number' || days <= max);
});
