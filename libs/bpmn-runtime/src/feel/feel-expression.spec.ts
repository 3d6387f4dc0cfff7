import fc from 'fast-check';
import { evaluate } from 'feelin';
import { evaluateFeel, evaluateValue, isFeelExpression, parseFeel, type FeelEnvironment } from './feel-expression.js';

const env: FeelEnvironment = { now: '2024-02-10T08:30:00.000Z', params: { threshold: 100, region: 'north' } };
const from = (variables: Record<string, unknown>) => (name: string) => (Object.hasOwn(variables, name) ? variables[name] : undefined);

function run(expression: string, variables: Record<string, unknown> = {}) {
  const parsed = parseFeel(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateFeel(parsed.expression, from(variables), env);
}

describe('FEEL expressions', () => {
  it('given attribute values, when checked, then only values starting with = are expressions', () => {
    expect(isFeelExpression('= a')).toBe(true);
    expect(isFeelExpression('  =a')).toBe(true);
    expect(isFeelExpression('sales')).toBe(false);
    expect(evaluateValue('sales, presales', from({}), env)).toEqual({ ok: true, value: 'sales, presales' });
  });

  it('given an expression, when evaluated with variables and params, then it gives the FEEL result', () => {
    expect(run('= amount > params.threshold', { amount: 150 })).toEqual({ ok: true, value: true });
    expect(run('= for x in items return x * 2', { items: [1, 2] })).toEqual({ ok: true, value: [2, 4] });
    expect(run('= upper case(name)', { name: 'acme' })).toEqual({ ok: true, value: 'ACME' });
    expect(run('= {a: 1, b: a + 1}.b')).toEqual({ ok: true, value: 2 });
    expect(run('= items[item > 1]', { items: [1, 2, 3] })).toEqual({ ok: true, value: [2, 3] });
    expect(run('= some r in reviewers satisfies r = "ann"', { reviewers: ['bob', 'ann'] })).toEqual({ ok: true, value: true });
    expect(run('= params.region')).toEqual({ ok: true, value: 'north' });
  });

  it('given now() or today(), when evaluated, then they return the command time, never the clock', () => {
    expect(String((run('= now()') as { value: unknown }).value)).toMatch(/^2024-02-10T08:30:00(\.000)?Z$/);
    expect(String((run('= today()') as { value: unknown }).value)).toBe('2024-02-10');
  });

  it('given a missing variable, when evaluated, then it is null (FEEL semantics), not a failure', () => {
    expect(run('= missing')).toEqual({ ok: true, value: null });
  });

  it('given an expression that fails at runtime, when evaluated, then the outcome is a failure message, never a throw', () => {
    expect(run('= 1 + "a"')).toEqual({ ok: false, message: expect.stringContaining("Can't add") });
    expect(run('= date("garbage")')).toEqual({ ok: false, message: expect.stringContaining('is not a valid date') });
    expect(run('= nofunction(1)')).toMatchObject({ ok: false });
  });

  it('given invalid syntax, when parsed, then a syntax error is reported', () => {
    expect(parseFeel('= a >')).toEqual({ ok: false, message: expect.stringContaining('FEEL syntax error') });
    expect(parseFeel('= (')).toMatchObject({ ok: false });
    expect(parseFeel('=')).toEqual({ ok: false, message: 'empty FEEL expression' });
  });

  it('given the same expression twice, when parsed, then the compiled expression is reused', () => {
    const first = parseFeel('= amount + 1');
    expect(parseFeel('= amount + 1')).toBe(first);
  });

  it('given random variables, when the compiled form and feelin evaluate run, then they agree', () => {
    const expressions = [
      'a + b',
      'a > b and c',
      'if c then a else b',
      'a = b or not(c)',
      'count(list) + a',
      'sum(list) > b',
      'string(a) + name',
      'list[1]',
      'for x in list return x + a',
      'name != null and string length(name) > 2',
      '{k: a}.k',
    ];
    const value = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(
        fc.constantFrom(...expressions),
        fc.record({ a: value, b: value, c: value, name: value, list: fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }) }, { requiredKeys: [] }),
        (expression, variables) => {
          let expected: { value: unknown } | 'throws';
          try {
            expected = evaluate(expression, { ...variables, params: env.params });
          } catch {
            expected = 'throws';
          }
          const actual = run(`= ${expression}`, variables);
          if (expected === 'throws') expect(actual.ok).toBe(false);
          else if (actual.ok) expect(actual.value).toEqual(expected.value);
          else expect(expected.value).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
