import { builderFields, operatorsFor, usedFields } from './builder-fields';
import { factTypeOfSchema, knownPaths, recordFieldPaths, schemaPaths } from './known-paths';
import { textToValue, valueToText } from './value-text';

describe('builder fields', () => {
  it('given declared facts and known paths, then each fact, the paths of the object facts, $now and unknown used fields are offered with their types', () => {
    const fields = builderFields(
      { budget: 'number', record: 'object', params: 'object' },
      { record: [{ path: '$.industry', type: 'string' }], params: [{ path: '$.minScore', type: 'number' }] },
      ['budget', 'record.custom.segment', 'revenue'],
    );

    expect(fields).toEqual([
      { name: 'budget', type: 'number' },
      { name: 'record', type: 'object' },
      { name: 'record.industry', type: 'string' },
      { name: 'params', type: 'object' },
      { name: 'params.minScore', type: 'number' },
      { name: '$now', type: 'date' },
      { name: 'record.custom.segment', type: 'any' },
      { name: 'revenue', type: 'any' },
    ]);
  });

  it('given a type, then only the operators whose signature compares it; behind a path every operator', () => {
    expect(operatorsFor('number')).toEqual(expect.arrayContaining(['equal', 'lessThan', 'between', 'in']));
    expect(operatorsFor('number')).not.toContain('matches');
    expect(operatorsFor('string')).toEqual(expect.arrayContaining(['matches', 'startsWith', 'contains']));
    expect(operatorsFor('string')).not.toContain('greaterThan');
    expect(operatorsFor('date')).toEqual(expect.arrayContaining(['daysSince', 'withinBusinessHours']));
    expect(operatorsFor('array')).toEqual(['contains', 'doesNotContain']);
    expect(operatorsFor('any')).toHaveLength(15);
  });

  it('given a condition tree, then the fields it names, nested ones and negated ones included', () => {
    expect(
      usedFields({ all: [{ fact: 'a', operator: 'equal', value: 1 }, { not: { any: [{ fact: 'record', path: '$.x[0]', operator: 'equal', value: 1 }] } }] }),
    ).toEqual(['a', 'record.x[0]']);
  });
});

describe('known paths', () => {
  it('given JSON Schema properties, then their fact types; dates by format', () => {
    expect(factTypeOfSchema({ type: 'string', format: 'date' })).toBe('date');
    expect(factTypeOfSchema({ type: 'integer' })).toBe('number');
    expect(factTypeOfSchema({ enum: ['a'] })).toBeUndefined();
    expect(schemaPaths({ properties: { slaHours: { type: 'integer' }, 'bad-name': { type: 'string' }, tags: { type: 'array' } } })).toEqual([
      { path: '$.slaHours', type: 'number' },
      { path: '$.tags', type: 'array' },
    ]);
  });

  it('given custom-field and parameter schemas, then record carries the record fields and custom.<name>, params the parameters', () => {
    const known = knownPaths([{ properties: { segment: { type: 'string' } } }], [{ properties: { minScore: { type: 'number' } } }]);

    expect(known.record).toEqual(
      expect.arrayContaining([
        { path: '$.industry', type: 'string' },
        { path: '$.custom.segment', type: 'string' },
      ]),
    );
    expect(known.record).toEqual(expect.arrayContaining([{ path: '$.value', type: 'number' }]));
    expect(known.params).toEqual([{ path: '$.minScore', type: 'number' }]);
    expect(new Set(recordFieldPaths().map((field) => field.path)).size).toBe(recordFieldPaths().length);
  });
});

describe('value text', () => {
  it.each([
    ['in', 'string', 'DE, AT ,CH', ['DE', 'AT', 'CH']],
    ['in', 'number', '1, 2', [1, 2]],
    ['between', 'number', '10, 50', [10, 50]],
    ['equal', 'number', ' 42 ', 42],
    ['equal', 'boolean', 'true', true],
    ['equal', 'string', '42', '42'],
    ['equal', 'any', '42', 42],
    ['equal', 'any', 'null', null],
    ['equal', 'any', 'Lost', 'Lost'],
    ['contains', 'array', '7', 7],
    ['contains', 'string', '7', '7'],
    ['daysSince', 'date', '{"min": 90}', { min: 90 }],
  ] as const)('given %s on a %s field and the text %j, then the value %j, which reads back as text', (operator, type, text, value) => {
    const parsed = textToValue(text, operator, type);
    expect(parsed).toEqual({ ok: true, value });
    expect(textToValue(valueToText(value, operator), operator, type)).toEqual({ ok: true, value });
  });

  it.each([
    ['equal', 'number', 'many', 'number'],
    ['equal', 'boolean', 'yes', 'boolean'],
    ['between', 'number', '1', 'pair'],
    ['in', 'number', '1, x', 'number'],
    ['withinBusinessHours', 'date', '{timezone', 'json'],
  ] as const)('given %s on a %s field and the text %j, then it says what is wrong (%s)', (operator, type, text, message) => {
    expect(textToValue(text, operator, type)).toEqual({ ok: false, message });
  });
});
