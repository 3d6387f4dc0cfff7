import { type JSONSchemaType } from 'ajv';
import { compileSchema } from './schema-compiler.js';
import { maxValidationIssues, validateWith } from './validate-with.js';

interface Sample {
  title: string;
  count: number;
  tags: string[];
  kind: 'a' | 'b';
  items: Array<{ label: string }>;
}

const sampleSchema: JSONSchemaType<Sample> = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 5 },
    count: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string', minLength: 2 }, minItems: 1, maxItems: 2 },
    kind: { type: 'string', enum: ['a', 'b'] },
    items: {
      type: 'array',
      items: { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false },
    },
  },
  required: ['title', 'count', 'tags', 'kind', 'items'],
  additionalProperties: false,
};

const validator = compileSchema(sampleSchema);
const valid: Sample = { title: 'ok', count: 1, tags: ['xx'], kind: 'a', items: [{ label: 'l' }] };

describe('validateWith', () => {
  describe('given a valid body', () => {
    it('then it returns no issue', () => {
      expect(validateWith(validator, valid)).toEqual([]);
    });
  });

  describe('given a body that is not an object', () => {
    it.each([
      ['an array', []],
      ['null', null],
      ['a string', 'x'],
    ])('when it is %s then the root path is refused', (_, body) => {
      expect(validateWith(validator, body)).toEqual([{ path: '', message: 'must be an object' }]);
    });

    it('when a root is given then the path is the root', () => {
      expect(validateWith(validator, 7, 'body')).toEqual([{ path: 'body', message: 'must be an object' }]);
    });
  });

  describe('given missing and unexpected properties', () => {
    it('then the missing field is named in the path', () => {
      const { title: _title, ...rest } = valid;
      expect(validateWith(validator, rest)).toEqual([{ path: 'title', message: 'is required' }]);
    });

    it('then the unexpected field is named in the path', () => {
      expect(validateWith(validator, { ...valid, titel: 'x' })).toEqual([{ path: 'titel', message: 'is not allowed' }]);
    });

    it('then a nested missing field is named with its index', () => {
      expect(validateWith(validator, { ...valid, items: [{ label: 'a' }, {}] })).toEqual([{ path: 'items[1].label', message: 'is required' }]);
    });

    it('then an own __proto__ property from JSON.parse is not allowed', () => {
      const body: unknown = JSON.parse(`{"title":"ok","count":1,"tags":["xx"],"kind":"a","items":[],"__proto__":{"x":1}}`);
      expect(validateWith(validator, body)).toEqual([{ path: '__proto__', message: 'is not allowed' }]);
    });
  });

  describe('given values of the wrong type or size', () => {
    it.each([
      [{ title: 1 }, 'title', 'must be a string'],
      [{ count: 1.5 }, 'count', 'must be an integer'],
      [{ count: '1' }, 'count', 'must be an integer'],
      [{ tags: 'xx' }, 'tags', 'must be an array'],
      [{ items: [null] }, 'items[0]', 'must be an object'],
      [{ title: '' }, 'title', 'must not be empty'],
      [{ title: 'toolong' }, 'title', 'must be at most 5 characters long'],
      [{ tags: ['x'] }, 'tags[0]', 'must be at least 2 characters long'],
      [{ tags: [] }, 'tags', 'must not be empty'],
      [{ tags: ['aa', 'bb', 'cc'] }, 'tags', 'must have at most 2 items'],
      [{ kind: 'c' }, 'kind', 'must be one of "a", "b"'],
      [{ count: -1 }, 'count', 'must be >= 0'],
    ])('when the body has %j then %s is refused: %s', (patch, path, message) => {
      expect(validateWith(validator, { ...valid, ...patch })).toEqual([{ path, message }]);
    });
  });

  describe('given a property name refused by propertyNames', () => {
    const named = compileSchema<Record<string, number>>({
      type: 'object',
      propertyNames: { pattern: '^[a-z]+$' },
      required: [],
      additionalProperties: { type: 'number' },
    } as JSONSchemaType<Record<string, number>>);

    it('then the property is named once, with why its name is refused', () => {
      expect(validateWith(named, { ok: 1, 'Not Ok': 2 })).toEqual([{ path: '["Not Ok"]', message: 'name must match pattern "^[a-z]+$"' }]);
    });
  });

  describe('given several problems', () => {
    it('then every one is listed', () => {
      expect(validateWith(validator, { title: 3, tags: [], kind: 'a', items: [], extra: true })).toEqual(
        expect.arrayContaining([
          { path: 'count', message: 'is required' },
          { path: 'extra', message: 'is not allowed' },
          { path: 'title', message: 'must be a string' },
          { path: 'tags', message: 'must not be empty' },
        ]),
      );
    });

    it('then the list stops at the issue limit', () => {
      const items = Array.from({ length: maxValidationIssues + 50 }, () => ({}));
      expect(validateWith(validator, { ...valid, items })).toHaveLength(maxValidationIssues);
    });
  });
});
