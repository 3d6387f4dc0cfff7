import { validateVariables } from './validate-variables.js';
import { variableLimits } from './variable-limits.js';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
}

describe('validateVariables', () => {
  describe('given a JSON object of JSON values', () => {
    it('then it finds no issue', () => {
      const variables = {
        name: 'ACME',
        amount: 12.5,
        count: -3,
        qualified: true,
        owner: null,
        products: ['crm', { sku: 'A-1', qty: 2 }],
        address: { city: 'Berlin', lines: [] },
        'first name': 'Ada',
      };
      expect(validateVariables(variables)).toEqual([]);
    });

    it('then an empty object is valid', () => {
      expect(validateVariables({})).toEqual([]);
    });

    it('then an object without prototype is valid', () => {
      const variables = Object.create(null) as Record<string, unknown>;
      variables.x = 1;
      expect(validateVariables(variables)).toEqual([]);
    });

    it('then keys that only resemble forbidden ones are valid', () => {
      expect(validateVariables({ proto: 1, Constructor: 2, prototypes: 3, __proto: 4 })).toEqual([]);
    });
  });

  describe('given a value that is not a JSON object', () => {
    it.each([
      ['an array', [], 'must be a JSON object, not an array'],
      ['null', null, 'must be a JSON object, not null'],
      ['a string', '{"a":1}', 'must be a JSON object, not a string'],
      ['a number', 42, 'must be a JSON object, not a number'],
      ['undefined', undefined, 'must be a JSON object, not undefined'],
      ['a Date', new Date(0), 'must be a JSON object, not an instance of Date'],
      ['a Map', new Map(), 'must be a JSON object, not an instance of Map'],
    ])('when it is %s then the variables path is refused', (_, value, message) => {
      expect(validateVariables(value)).toEqual([{ path: 'variables', message }]);
    });

    it('when a path is given then the issue names it', () => {
      expect(validateVariables([], 'body.variables')).toEqual([{ path: 'body.variables', message: 'must be a JSON object, not an array' }]);
    });
  });

  describe('given values that are not JSON', () => {
    it.each([
      ['undefined', undefined, 'must be a JSON value (string, number, boolean, null, array or object), not undefined'],
      ['a function', () => 1, 'must be a JSON value (string, number, boolean, null, array or object), not a function'],
      ['a symbol', Symbol('s'), 'must be a JSON value (string, number, boolean, null, array or object), not a symbol'],
      ['a bigint', BigInt(1), 'must be a JSON value (string, number, boolean, null, array or object), not a bigint'],
      ['a Date', new Date(0), 'must be a JSON value (string, number, boolean, null, array or object), not an instance of Date'],
      ['a class instance', new (class Lead {})(), 'must be a JSON value (string, number, boolean, null, array or object), not an instance of Lead'],
      ['NaN', Number.NaN, 'must be a finite number, not NaN'],
      ['Infinity', Number.POSITIVE_INFINITY, 'must be a finite number, not Infinity'],
      ['-Infinity', Number.NEGATIVE_INFINITY, 'must be a finite number, not -Infinity'],
    ])('when a nested value is %s then its path is named', (_, value, message) => {
      expect(validateVariables({ customer: { score: value } })).toEqual([{ path: 'variables.customer.score', message }]);
    });

    it('when an array holds a bad value then its index is named', () => {
      expect(validateVariables({ items: [1, { price: Number.NaN }] })).toEqual([
        { path: 'variables.items[1].price', message: 'must be a finite number, not NaN' },
      ]);
    });

    it('when an array has a hole then the hole is refused as undefined', () => {
      const sparse: unknown[] = [1];
      sparse[2] = 3;
      expect(validateVariables({ list: sparse })).toEqual([
        {
          path: 'variables.list[1]',
          message: 'must be a JSON value (string, number, boolean, null, array or object), not undefined',
        },
      ]);
    });

    it('when an object has a symbol key then it is refused', () => {
      expect(validateVariables({ data: { [Symbol('k')]: 1 } })).toEqual([{ path: 'variables.data', message: 'must not have symbol keys' }]);
    });
  });

  describe('given forbidden keys', () => {
    it('when JSON.parse created an own __proto__ property then it is found', () => {
      const variables: unknown = JSON.parse('{"__proto__":{"x":1}}');
      expect(validateVariables(variables)).toEqual([{ path: 'variables.__proto__', message: '"__proto__" is not allowed as a key' }]);
    });

    it('when __proto__ is nested then its full path is named', () => {
      const variables: unknown = JSON.parse('{"customer":{"__proto__":{"isAdmin":true}}}');
      expect(validateVariables(variables)).toEqual([{ path: 'variables.customer.__proto__', message: '"__proto__" is not allowed as a key' }]);
    });

    it('when __proto__ is inside an array element then the index is named', () => {
      const variables: unknown = JSON.parse('{"list":[{},{"__proto__":{}}]}');
      expect(validateVariables(variables)).toEqual([{ path: 'variables.list[1].__proto__', message: '"__proto__" is not allowed as a key' }]);
    });

    it.each(['constructor', 'prototype'])('when a key is %s at any depth then it is refused', (key) => {
      const variables: unknown = JSON.parse(`{"${key}":1,"a":{"b":[{"${key}":{"x":1}}]}}`);
      expect(validateVariables(variables)).toEqual([
        { path: `variables.${key}`, message: `"${key}" is not allowed as a key` },
        { path: `variables.a.b[0].${key}`, message: `"${key}" is not allowed as a key` },
      ]);
    });

    it('when a forbidden key is found then Object.prototype is left untouched', () => {
      validateVariables(JSON.parse('{"__proto__":{"polluted":true}}'));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('given nesting and key limits', () => {
    it('when containers nest exactly to the limit then it is valid', () => {
      // The variables object is level 1; `nested(n)` adds n levels below it.
      expect(validateVariables({ deep: nested(variableLimits.maxDepth - 1) })).toEqual([]);
    });

    it('when containers nest one level deeper then the first too-deep container is named', () => {
      const issues = validateVariables({ deep: nested(variableLimits.maxDepth) });
      expect(issues).toHaveLength(1);
      expect(issues[0].message).toBe(`must not nest deeper than ${variableLimits.maxDepth} levels`);
      expect(issues[0].path).toBe(`variables.deep${'.next'.repeat(variableLimits.maxDepth - 1)}`);
    });

    it('when arrays nest too deep then they are refused too', () => {
      let value: unknown = 1;
      for (let i = 0; i < variableLimits.maxDepth + 5; i++) value = [value];
      const issues = validateVariables({ matrix: value });
      expect(issues).toEqual([
        {
          path: `variables.matrix${'[0]'.repeat(variableLimits.maxDepth - 1)}`,
          message: `must not nest deeper than ${variableLimits.maxDepth} levels`,
        },
      ]);
    });

    it('when an object refers to itself then validation ends with a depth issue', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const issues = validateVariables({ cyclic });
      expect(issues).toHaveLength(1);
      expect(issues[0].message).toMatch(/must not nest deeper/);
    });

    it('when a key is at the length limit then it is valid', () => {
      expect(validateVariables({ ['k'.repeat(variableLimits.maxKeyLength)]: 1 })).toEqual([]);
    });

    it('when a key is longer than the limit then it is refused with a shortened path', () => {
      const key = 'k'.repeat(variableLimits.maxKeyLength + 1);
      const issues = validateVariables({ data: { [key]: 1 } });
      expect(issues).toEqual([
        {
          path: `variables.data["${'k'.repeat(64)}…"]`,
          message: `key must be at most ${variableLimits.maxKeyLength} characters long`,
        },
      ]);
    });

    it('when a top-level variable name is empty then it is refused', () => {
      expect(validateVariables({ '': 1 })).toEqual([{ path: 'variables[""]', message: 'variable name must not be empty' }]);
    });

    it('when a nested key is empty then it is valid JSON data', () => {
      expect(validateVariables({ data: { '': 1 } })).toEqual([]);
    });
  });

  describe('given many problems', () => {
    it('then every one is listed with its own path', () => {
      expect(validateVariables({ a: undefined, b: { c: Number.NaN }, constructor: 1 })).toEqual([
        { path: 'variables.a', message: expect.stringContaining('not undefined') },
        { path: 'variables.b.c', message: 'must be a finite number, not NaN' },
        { path: 'variables.constructor', message: '"constructor" is not allowed as a key' },
      ]);
    });

    it('then the list stops at the issue limit', () => {
      const variables = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`v${i}`, Number.NaN]));
      expect(validateVariables(variables)).toHaveLength(variableLimits.maxIssues);
    });

    it('then keys that are not identifiers are quoted in the path', () => {
      expect(validateVariables({ 'first name': { 'a.b': Number.NaN } })).toEqual([
        { path: 'variables["first name"]["a.b"]', message: 'must be a finite number, not NaN' },
      ]);
    });
  });
});
