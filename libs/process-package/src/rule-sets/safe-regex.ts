// The `matches` operator runs analysts' regular expressions on V8's backtracking engine, where
// a pattern like `(a+)+$` takes exponential time on a crafted input (ReDoS). Rather than a new
// regex engine, patterns are kept to a shape whose worst case is small and polynomial:
//   1. at most `maxPatternLength` characters, compiled in Unicode mode (`u`: strict syntax);
//   2. no backreferences and no lookaround (they defeat the reasoning below);
//   3. no quantified group that holds a quantifier or an alternation: `(a+)+`, `(a|ab)*`,
//      `(x?)+` are refused, so no repetition can split the same text in exponentially many
//      ways (star height 1, no ambiguous alternation under repetition);
//   4. at most `maxRepeats` variable repetitions (`*`, `+`, `{n,}`, `{n,m}` with m > n), each
//      bounded by `maxRepeatCount`: overlapping adjacent repeats like `\s*\s*x` backtrack in
//      O(n^k) for k repeats;
//   5. the operator only tests strings of at most `maxInputLength` characters (longer ones
//      never match), which with (4) bounds the worst case to ~256^3 steps.

export const safeRegexLimits = {
  maxPatternLength: 200,
  maxRepeats: 3,
  maxRepeatCount: 1000,
  maxInputLength: 256,
} as const;

interface GroupFrame {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

type LastAtom = { kind: 'none' } | { kind: 'atom' } | { kind: 'group'; frame: GroupFrame };

const quantifierBraces = /^\{(\d+)(,(\d*))?\}/;

/** Why `pattern` is not a safe `matches` pattern, or `undefined` when it is. */
export function checkSafeRegex(pattern: string): string | undefined {
  if (pattern.length === 0) return 'must not be an empty pattern';
  if (pattern.length > safeRegexLimits.maxPatternLength) {
    return `must be at most ${safeRegexLimits.maxPatternLength} characters long`;
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  const stack: GroupFrame[] = [{ hasQuantifier: false, hasAlternation: false }];
  let last: LastAtom = { kind: 'none' };
  let repeats = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const frame = stack[stack.length - 1];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'must not use backreferences';
      if ((next === 'p' || next === 'P' || next === 'u') && pattern[i + 2] === '{') {
        i = pattern.indexOf('}', i);
      } else {
        i += 1;
      }
      last = { kind: 'atom' };
    } else if (char === '[') {
      i = endOfClass(pattern, i);
      last = { kind: 'atom' };
    } else if (char === '(') {
      if (/^\(\?(=|!|<=|<!)/.test(pattern.slice(i, i + 4))) return 'must not use lookahead or lookbehind';
      stack.push({ hasQuantifier: false, hasAlternation: false });
      last = { kind: 'none' };
    } else if (char === ')') {
      const closed = stack.pop() ?? { hasQuantifier: false, hasAlternation: false };
      const parent = stack[stack.length - 1];
      if (closed.hasQuantifier) parent.hasQuantifier = true;
      last = { kind: 'group', frame: closed };
    } else if (char === '|') {
      frame.hasAlternation = true;
      last = { kind: 'none' };
    } else if (char === '*' || char === '+' || char === '?' || (char === '{' && quantifierBraces.test(pattern.slice(i)))) {
      let variable = char !== '?';
      if (char === '{') {
        const [text, min, comma, max] = pattern.slice(i).match(quantifierBraces) ?? ['{'];
        const upper = comma === undefined ? Number(min) : max === '' ? Infinity : Number(max);
        if (Number(min) > safeRegexLimits.maxRepeatCount || (upper !== Infinity && upper > safeRegexLimits.maxRepeatCount)) {
          return `must not repeat more than ${safeRegexLimits.maxRepeatCount} times`;
        }
        variable = upper !== Number(min);
        i += text.length - 1;
      }
      if (pattern[i + 1] === '?') i += 1; // lazy: same cost
      if (last.kind === 'group' && (last.frame.hasQuantifier || last.frame.hasAlternation)) {
        return 'must not repeat a group that holds a quantifier or an alternation (nested quantifiers can take exponential time)';
      }
      if (variable) repeats += 1;
      if (repeats > safeRegexLimits.maxRepeats) return `must not use more than ${safeRegexLimits.maxRepeats} variable repetitions (*, +, {n,m})`;
      frame.hasQuantifier = true;
      last = { kind: 'none' };
    } else {
      last = { kind: 'atom' };
    }
  }
  return undefined;
}

/** Index of the `]` that closes the class opened at `start` (escapes skipped). */
function endOfClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}
