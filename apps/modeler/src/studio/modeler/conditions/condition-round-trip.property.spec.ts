import fc from 'fast-check';
import { evaluate } from 'feelin';
import { fromFeel } from './condition-from-feel';
import { isPlainNumber, OPERATORS, operatorsFor, type ConditionModel, type ConditionRow, type ConditionValue, type ValueType } from './condition-model';
import { toFeel } from './condition-to-feel';
import { evaluateConditionModel, type Facts } from './testing/evaluate-condition-model';

// Each field has one type, as the builder's field list gives it; facts hold that type, null, or
// nothing (and, for days, text that is no day).
const FIELDS: readonly { path: string; type: ValueType }[] = [
  { path: 'lead.budget', type: 'number' },
  { path: 'params.slaHours', type: 'number' },
  { path: 'lead.source', type: 'string' },
  { path: 'stageMove', type: 'string' },
  { path: 'lead.qualified', type: 'boolean' },
  { path: 'deal.closeDate', type: 'date' },
  { path: 'lead.address.country', type: 'string' },
];

const STRINGS = ['web', 'fair', 'DE', '', 'a"b', 'back\\slash', 'two\nlines'];
const NUMBERS = [0, 1, -1, 2.5, 100, 10000];
const DAYS = ['2026-01-01', '2026-02-28', '2026-12-31', '2024-02-29'];

const stringValue = fc.oneof(fc.constantFrom(...STRINGS), fc.string({ unit: 'grapheme', maxLength: 8 }));
const numberValue = fc
  .oneof(fc.constantFrom(...NUMBERS), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter(isPlainNumber))
  .map((value) => value || 0); // no -0: it is written as 0
const dayValue = fc.oneof(
  fc.constantFrom(...DAYS),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

function valueOf(type: ValueType): fc.Arbitrary<ConditionValue> {
  switch (type) {
    case 'string':
      return stringValue.map((value) => ({ type, value }));
    case 'number':
      return numberValue.map((value) => ({ type, value }));
    case 'boolean':
      return fc.boolean().map((value) => ({ type, value }));
    case 'date':
      return dayValue.map((value) => ({ type, value }));
  }
}

const row: fc.Arbitrary<ConditionRow> = fc.constantFrom(...FIELDS).chain(({ path, type }) =>
  fc.constantFrom(...operatorsFor(type)).chain((operator) => {
    const { arity } = OPERATORS[operator];
    const values = arity === 'many' ? fc.array(valueOf(type), { minLength: 1, maxLength: 4 }) : fc.tuple(...Array.from({ length: arity }, () => valueOf(type)));
    // A range runs from low to high (a reversed one is refused: rowProblem 'range').
    const ordered = (list: ConditionValue[]) =>
      operator === 'between' ? [...list].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) : list;
    return values.map((list) => ({ field: path, operator, values: ordered([...list]) }));
  }),
);

const model: fc.Arbitrary<ConditionModel> = fc.record({
  combinator: fc.constantFrom('all' as const, 'any' as const),
  rows: fc.array(row, { minLength: 1, maxLength: 5 }),
});

function factOf(type: ValueType): fc.Arbitrary<unknown> {
  const present = type === 'date' ? fc.oneof(dayValue, fc.constantFrom('soon', '2026-13-01')) : valueOf(type).map((value) => value.value);
  return fc.oneof({ weight: 4, arbitrary: present }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

const facts: fc.Arbitrary<Facts> = fc.tuple(...FIELDS.map(({ type }) => factOf(type))).map((values) => {
  const result: Facts = {};
  FIELDS.forEach(({ path }, index) => {
    if (values[index] === undefined) return;
    const segments = path.split('.');
    let scope = result;
    for (const segment of segments.slice(0, -1)) scope = (scope[segment] ??= {}) as Facts;
    scope[segments.at(-1)!] = values[index];
  });
  return result;
});

/** A model as fromFeel gives it back: one row carries no combinator in its FEEL. */
const normalized = (m: ConditionModel): ConditionModel => (m.rows.length === 1 ? { ...m, combinator: 'all' } : m);

describe('the condition model and its FEEL', () => {
  it('given any model, when written and read back, then it is the same model, and writing it again gives the same text', () => {
    fc.assert(
      fc.property(model, (m) => {
        const feel = toFeel(m);
        const read = fromFeel(feel);
        expect(read).toEqual({ ok: true, model: normalized(m) });
        expect(toFeel((read as { model: ConditionModel }).model)).toBe(feel);
      }),
      { numRuns: 300 },
    );
  });

  it('given any model and facts, when feelin evaluates the written FEEL, then it gives what the rows mean', () => {
    fc.assert(
      fc.property(model, facts, (m, f) => {
        const feel = toFeel(m).replace(/^=/, '');
        expect(evaluate(feel, f).value).toBe(evaluateConditionModel(m, f));
      }),
      { numRuns: 600 },
    );
  });

  it('given the FEEL of a model respaced and parenthesized, when read, then it gives the same model', () => {
    const respaced = model.chain((m) =>
      fc.tuple(fc.constant(m), fc.constantFrom(' ', '  ', '\n\t'), fc.boolean()).map(([original, space, wrap]) => {
        const feel = toFeel(original)
          .replace(/^= /, '=' + space)
          .replace(/ (and|or) /g, `${space}$1${space}`);
        return { original, feel: wrap ? `=(${feel.slice(1)})` : feel };
      }),
    );
    fc.assert(
      fc.property(respaced, ({ original, feel }) => {
        expect(fromFeel(feel)).toEqual({ ok: true, model: normalized(original) });
      }),
      { numRuns: 200 },
    );
  });

  it('given any text, when read, then it never throws, and what it reads is written back stably', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      model.map(toFeel).chain((feel) => fc.integer({ min: 0, max: feel.length }).map((cut) => feel.slice(0, cut))),
    );
    fc.assert(
      fc.property(text, (t) => {
        const read = fromFeel(t);
        if (read.ok) expect(fromFeel(toFeel(read.model))).toEqual(read);
      }),
      { numRuns: 500 },
    );
  });
});
