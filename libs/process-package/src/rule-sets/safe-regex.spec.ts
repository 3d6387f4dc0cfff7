import { checkSafeRegex, safeRegexLimits } from './safe-regex.js';

describe('checkSafeRegex', () => {
  describe('given patterns sales rules use', () => {
    it.each([
      ['an e-mail domain', '@(acme|globex)\\.com$'],
      ['an e-mail address', '^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$'],
      ['a German postcode', '^[0-9]{5}$'],
      ['a legal form', '\\b(GmbH|AG|KG)\\b'],
      ['a phone number', '^\\+?[0-9 ()-]{6,20}$'],
      ['a unicode letter class', '^\\p{Lu}'],
      ['a quantified group without inner quantifiers', '^(ab){2,3}$'],
    ])('when it is %s then it is accepted', (_, pattern) => {
      expect(checkSafeRegex(pattern)).toBeUndefined();
    });
  });

  describe('given patterns that can backtrack exponentially', () => {
    it.each([['(a+)+$'], ['(a*)*b'], ['(x?)+y'], ['(a|ab)*c'], ['((ab)+)?'], ['(?:\\w+\\s?)+$']])(
      'when the pattern is %s then it is refused as a nested quantifier',
      (pattern) => {
        expect(checkSafeRegex(pattern)).toMatch(/must not repeat a group/);
      },
    );
  });

  describe('given other unsafe or invalid patterns', () => {
    it('when it uses a backreference then it is refused', () => {
      expect(checkSafeRegex('(a)\\1')).toBe('must not use backreferences');
      expect(checkSafeRegex('(?<x>a)\\k<x>')).toBe('must not use backreferences');
    });

    it('when it uses lookaround then it is refused', () => {
      expect(checkSafeRegex('a(?=b)')).toBe('must not use lookahead or lookbehind');
      expect(checkSafeRegex('(?<!a)b')).toBe('must not use lookahead or lookbehind');
    });

    it('when it has more variable repetitions than allowed then it is refused', () => {
      expect(checkSafeRegex('\\s*\\s*\\s*\\s*x')).toMatch(/more than 3 variable repetitions/);
      expect(checkSafeRegex('a?b?c?d?')).toBeUndefined();
    });

    it('when a repetition count is too large then it is refused', () => {
      expect(checkSafeRegex('a{1,5000}')).toMatch(/more than 1000 times/);
    });

    it('when it is too long then it is refused', () => {
      expect(checkSafeRegex('a'.repeat(safeRegexLimits.maxPatternLength + 1))).toMatch(/at most 200 characters/);
    });

    it('when it does not compile then the reason is given', () => {
      expect(checkSafeRegex('[a-')).toMatch(/^is not a valid regular expression/);
      expect(checkSafeRegex('a{')).toMatch(/^is not a valid regular expression/);
    });

    it('when it is empty then it is refused', () => {
      expect(checkSafeRegex('')).toBe('must not be an empty pattern');
    });
  });

  describe('given characters that only look like quantifiers or groups', () => {
    it('when they are escaped or inside a class then they count as literals', () => {
      expect(checkSafeRegex('(a\\+)+')).toBeUndefined();
      expect(checkSafeRegex('([+*])+')).toBeUndefined();
      expect(checkSafeRegex('\\(a+\\)+')).toBeUndefined();
    });
  });
});
