// `matches`: a text fact matches a regular expression (Unicode mode, no flags). Only patterns
// that pass process-package's `checkSafeRegex` run at all (the deploy check refuses the others;
// here an unsafe one simply never matches), and texts longer than `maxInputLength` never match:
// together they bound the backtracking a pattern can cause (see safe-regex.ts).
import { checkSafeRegex, safeRegexLimits } from '@stageflow/process-package';
import type { RuleOperator } from './rule-operator.js';

const cacheLimit = 1000;
const cache = new Map<string, RegExp | null>();

/** The compiled pattern, or null when it is not a safe pattern. Cached: json-rules-engine passes the text each time. */
export function safePattern(pattern: unknown): RegExp | null {
  if (typeof pattern !== 'string') return null;
  let regex = cache.get(pattern);
  if (regex === undefined) {
    regex = checkSafeRegex(pattern) === undefined ? new RegExp(pattern, 'u') : null;
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(pattern, regex);
  }
  return regex;
}

function matchesText(regex: RegExp | null, factValue: unknown): boolean {
  return regex !== null && typeof factValue === 'string' && factValue.length <= safeRegexLimits.maxInputLength && regex.test(factValue);
}

export const matchesOperator: RuleOperator = {
  name: 'matches',
  test: (factValue, value) => matchesText(safePattern(value), factValue),
  compile: (value) => {
    const regex = safePattern(value);
    return (factValue) => matchesText(regex, factValue);
  },
};
