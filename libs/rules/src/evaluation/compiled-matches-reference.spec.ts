// Property: for random valid rule sets that use every operator (paths, nesting, priorities,
// both hit policies, fallbacks) and random facts (missing, well typed, or of the wrong type),
// the compiled evaluator gives exactly json-rules-engine's answer and explanation.
import fc from 'fast-check';
import { validateRuleSet, type Condition, type JsonValue, type OperatorName, type RuleSet } from '@stageflow/process-package';
import { variablesFactResolver } from '../facts/fact-resolver.js';
import { compileRuleSet } from './compile-rule-set.js';
import { ReferenceEvaluator } from './reference-evaluator.js';

const facts = { s: 'string', n: 'number', b: 'boolean', d: 'date', a: 'array', o: 'object' } as const;

const strings = ['DE', 'AT', 'Acme GmbH', 'jane@acme.com', '80331', '', 'Public sector'];
const numbers = [-1, 0, 5, 50, 1000, 2.5];
const dates = ['2026-03-31', '2026-03-01T10:00:00Z', '2025-12-24T18:30:00+01:00', '2026-04-02T08:00:00Z', '2026-03-30T07:30:00Z'];
const badDates = ['2026-03-01T10:00:00', 'soon'];

const aString = fc.constantFrom(...strings);
const aNumber = fc.constantFrom(...numbers);
const aDate = fc.constantFrom(...dates);
const aScalar = fc.oneof(aString, aNumber, fc.boolean(), fc.constant(null));
const aList = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(item, { minLength: 1, maxLength: 10 });
const aPattern = fc.constantFrom('^D', 'GmbH$', '@(acme|globex)\\.com$', '^[0-9]{5}$', '\\p{Lu}', 'a?c');
const aRange = fc.tuple(aNumber, aNumber).map(([x, y]) => [Math.min(x, y), Math.max(x, y)]);
const aDaysRange = fc
  .record({ min: fc.option(fc.integer({ min: -5, max: 120 }), { nil: undefined }), max: fc.option(fc.integer({ min: -5, max: 120 }), { nil: undefined }) })
  .filter(({ min, max }) => min !== undefined || max !== undefined)
  .map(({ min, max }) => ({ ...(min === undefined ? {} : { min }), ...(max === undefined || (min !== undefined && max < min) ? {} : { max }) }))
  .filter((range) => Object.keys(range).length > 0);
const aBusinessHours = fc.record({
  timezone: fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Tokyo'),
  days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { minLength: 1 }),
  from: fc.constantFrom('00:00', '08:00', '09:00'),
  to: fc.constantFrom('12:00', '17:30', '24:00'),
});

const leafFor: Record<keyof typeof facts, Array<[OperatorName, fc.Arbitrary<JsonValue>]>> = {
  s: [
    ['equal', aString],
    ['notEqual', aString],
    ['in', aList(aString)],
    ['notIn', aList(aString)],
    ['contains', aString],
    ['doesNotContain', aString],
    ['startsWith', aString.filter((s) => s !== '')],
    ['matches', aPattern],
  ],
  n: [
    ['equal', aNumber],
    ['notEqual', aNumber],
    ['lessThan', aNumber],
    ['lessThanInclusive', aNumber],
    ['greaterThan', aNumber],
    ['greaterThanInclusive', aNumber],
    ['in', aList(aNumber)],
    ['notIn', aList(aNumber)],
    ['between', aRange],
  ],
  b: [
    ['equal', fc.boolean()],
    ['notEqual', fc.boolean()],
    ['in', aList(fc.boolean())],
  ],
  d: [
    ['equal', aDate],
    ['daysSince', aDaysRange],
    ['withinBusinessHours', aBusinessHours],
    ['in', aList(aDate)],
  ],
  a: [
    ['contains', aScalar],
    ['doesNotContain', aScalar],
  ],
  o: [],
};

// Behind a path the type is unknown: any operator, with a value that fits "any".
const pathLeaf: Array<[OperatorName, fc.Arbitrary<JsonValue>]> = [
  ['equal', aScalar],
  ['notEqual', aScalar],
  ['greaterThan', aNumber],
  ['lessThanInclusive', aNumber],
  ['in', aList(aScalar)],
  ['notIn', aList(aScalar)],
  ['contains', aScalar],
  ['startsWith', aString.filter((s) => s !== '')],
  ['matches', aPattern],
  ['between', aRange],
  ['daysSince', aDaysRange],
  ['withinBusinessHours', aBusinessHours],
];
const aPath = fc.constantFrom(
  '$.country',
  '$.address.country',
  '$.size',
  '$.tags',
  '$.tags[0]',
  '$[0]',
  '$[1].name',
  '$.length',
  '$.when',
  '$.country.length',
  '$.size.length',
);

const aFactLeaf: fc.Arbitrary<Condition> = fc.oneof(
  ...(Object.keys(leafFor) as Array<keyof typeof facts>).flatMap((fact) =>
    leafFor[fact].map(([operator, value]) => value.map((v): Condition => ({ fact, operator, value: v }))),
  ),
  fc
    .tuple(fc.constantFrom('o', 'a'), aPath, fc.constantFrom(...pathLeaf))
    .chain(([fact, path, [operator, value]]) => value.map((v): Condition => ({ fact, path, operator, value: v }))),
  fc
    .tuple(fc.constantFrom(...leafFor.d), fc.constant('$now'))
    .chain(([[operator, value], fact]) => value.map((v): Condition => ({ fact, operator, value: v }))),
);

const { condition: aCondition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 5 },
    aFactLeaf,
    fc.array(tie('condition'), { minLength: 1, maxLength: 4 }).map((all): Condition => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 4 }).map((any): Condition => ({ any })),
    tie('condition').map((not): Condition => ({ not })),
  ),
}));
const aRoot = fc.oneof(
  fc.array(aCondition, { minLength: 1, maxLength: 5 }).map((all) => ({ all })),
  fc.array(aCondition, { minLength: 1, maxLength: 5 }).map((any) => ({ any })),
  aCondition.map((not) => ({ not })),
);

const aRuleSet: fc.Arbitrary<RuleSet> = fc
  .record({
    hitPolicy: fc.constantFrom('first', 'all'),
    rules: fc.array(fc.record({ priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), conditions: aRoot }), { minLength: 1, maxLength: 6 }),
    fallback: fc.boolean(),
  })
  .map(({ hitPolicy, rules, fallback }) => ({
    key: 'random',
    name: 'Random',
    kind: 'classification' as const,
    hitPolicy,
    facts: { ...facts },
    rules: rules.map((rule, index) => ({
      id: `r${index}`,
      ...(rule.priority === undefined ? {} : { priority: rule.priority }),
      conditions: rule.conditions,
      result: { rule: index },
    })),
    ...(fallback ? { fallback: { rule: -1 } } : {}),
  }));

const anything = fc.jsonValue({ maxDepth: 2 });
const anObject = fc.oneof(
  fc.record(
    { country: aString, address: fc.record({ country: aString }), size: aNumber, tags: fc.array(aString, { maxLength: 3 }), when: aDate },
    { requiredKeys: [] },
  ),
  fc.array(fc.oneof(aString, fc.record({ name: aString })), { maxLength: 3 }),
  anything,
);
const factValue = <T>(typed: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 6, arbitrary: typed }, { weight: 1, arbitrary: anything });
const aFacts = fc.record({
  s: factValue(aString),
  n: factValue(fc.oneof(aNumber, fc.constantFrom('10', '10 units'))),
  b: factValue(fc.boolean()),
  d: factValue(fc.oneof(aDate, fc.constantFrom(...badDates))),
  a: factValue(fc.array(aScalar, { maxLength: 4 })),
  o: factValue(anObject),
});
const aNow = fc.oneof(
  fc.constant(new Date('2026-03-31T10:00:00Z')),
  fc.date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2026-05-01T00:00:00Z'), noInvalidDate: true }),
);

describe('the compiled evaluator', () => {
  it('given random valid rule sets and random facts, then it gives json-rules-engine’s decision and explanation', async () => {
    await fc.assert(
      fc.asyncProperty(aRuleSet, aFacts, aNow, async (ruleSet, values, now) => {
        expect(validateRuleSet(ruleSet)).toEqual([]);
        // Process variables are JSON (stored as jsonb): the round trip drops missing facts and
        // gives plain objects, as the engine would pass them.
        const variables = JSON.parse(JSON.stringify(values)) as Record<string, JsonValue>;
        const resolver = variablesFactResolver(variables);
        const reference = await new ReferenceEvaluator(ruleSet).evaluate(resolver, now);
        const compiled = compileRuleSet(ruleSet);
        expect(compiled.explain(resolver, now)).toEqual(reference);
        const { rules: _explained, ...decision } = reference;
        expect(compiled.decide(resolver, now)).toEqual(decision);
      }),
      { numRuns: 500 },
    );
  });
});
