import { isBoundedFeel, MAX_LITERAL_ITEMS } from './feel-bounds.js';

describe('isBoundedFeel', () => {
  it.each([
    ['a comparison', '= budget > 1000'],
    ['boolean logic', '= a and b or c'],
    ['if then else', '= if x then 1 else 2'],
    ['an allowed function', '= string length(name) > 3'],
    ['arithmetic and paths', '= (lead.budget - 100) * 2 / 3 >= params.threshold'],
    ['between and intervals', '= score between 1 and 3 and size in [1..10]'],
    ['in with a few values', '= country in ("DE", "AT", "CH")'],
    ['a short context', '= {name: name, score: score + 1}'],
    ['date arithmetic from constants', '= now() + duration("P3D") < date and time("2030-01-01T00:00:00Z") + @"PT1H"'],
    ['null and text checks', '= email != null and contains(lower case(email), "@")'],
    ['a literal without =', 'budget > 1000'],
  ])('given %s, then it is bounded', (_label, expression) => {
    expect(isBoundedFeel(expression)).toBe(true);
  });

  it.each([
    ['a for loop', '= count(for i in 1..100000000 return i) > 0'],
    ['some', '= some x in items satisfies x > 1'],
    ['every', '= every x in items satisfies x > 1'],
    ['a catastrophic regular expression', '= matches(x, "(a+)+$")'],
    ['replace (a regular expression)', '= replace(name, "a", "b")'],
    ['split (a regular expression)', '= split(name, ",")'],
    ['a filter', '= list[item > 1]'],
    ['an index (a filter too)', '= list[1]'],
    ['a string builder', '= string join(names, ",")'],
    ['a function definition', '= (function(n) n)(1)'],
    ['an unknown function', '= frobnicate(x)'],
    ['a function under a path', '= lead.check(x)'],
    ['named arguments', '= substring(string: name, start position: 2)'],
    ['a date parsed from a variable', '= date and time(createdAt) < now()'],
    ['a duration parsed from a variable', '= now() + duration(delay)'],
    ['a syntax error', '= budget >'],
  ])('given %s, then it is not bounded', (_label, expression) => {
    expect(isBoundedFeel(expression)).toBe(false);
  });

  it('given list, context and in-list literals, when they grow past the limit, then they are not bounded', () => {
    const items = (count: number) => Array.from({ length: count }, (_, i) => String(i)).join(', ');
    const entries = (count: number) => Array.from({ length: count }, (_, i) => `k${i}: ${i}`).join(', ');

    expect(isBoundedFeel(`= x in [${items(MAX_LITERAL_ITEMS)}]`)).toBe(true);
    expect(isBoundedFeel(`= x in [${items(MAX_LITERAL_ITEMS + 1)}]`)).toBe(false);
    expect(isBoundedFeel(`= x in (${items(MAX_LITERAL_ITEMS)})`)).toBe(true);
    expect(isBoundedFeel(`= x in (${items(MAX_LITERAL_ITEMS + 1)})`)).toBe(false);
    expect(isBoundedFeel(`= {${entries(MAX_LITERAL_ITEMS)}}`)).toBe(true);
    expect(isBoundedFeel(`= {${entries(MAX_LITERAL_ITEMS + 1)}}`)).toBe(false);
  });
});
