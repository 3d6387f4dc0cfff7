import { isStartInstanceRequest, validateStartInstanceRequest } from './start-instance-request.validator.js';

describe('validateStartInstanceRequest', () => {
  describe('given a valid body', () => {
    it.each([
      [{}],
      [{ businessKey: 'LEAD-1' }],
      [{ variables: {} }],
      [{ businessKey: 'k'.repeat(255), variables: { amount: 1200, owner: null, tags: ['a'], customer: { name: 'ACME' } } }],
    ])('when the body is %j then it finds no issue', (body) => {
      expect(validateStartInstanceRequest(body)).toEqual([]);
      expect(isStartInstanceRequest(body)).toBe(true);
    });
  });

  describe('given a body that is not an object', () => {
    it.each([[null], [[]], ['x'], [1]])('when it is %j then the body is refused', (body) => {
      expect(validateStartInstanceRequest(body)).toEqual([{ path: '', message: 'must be an object' }]);
      expect(isStartInstanceRequest(body)).toBe(false);
    });
  });

  describe('given a bad business key', () => {
    it.each([
      [null, 'must be a string'],
      [42, 'must be a string'],
      ['', 'must not be empty'],
      ['k'.repeat(256), 'must be at most 255 characters long'],
    ])('when businessKey is %j then businessKey is refused: %s', (businessKey, message) => {
      expect(validateStartInstanceRequest({ businessKey })).toEqual([{ path: 'businessKey', message }]);
    });
  });

  describe('given variables that are not a JSON object', () => {
    it.each([[null], [[]], ['{}'], [3]])('when variables is %j then variables is refused once', (variables) => {
      expect(validateStartInstanceRequest({ variables })).toEqual([{ path: 'variables', message: 'must be an object' }]);
    });
  });

  describe('given variables with forbidden content', () => {
    it('when JSON.parse created a nested __proto__ key then its path is named', () => {
      const body: unknown = JSON.parse('{"variables":{"customer":{"__proto__":{"isAdmin":true}}}}');
      expect(validateStartInstanceRequest(body)).toEqual([{ path: 'variables.customer.__proto__', message: '"__proto__" is not allowed as a key' }]);
      expect(isStartInstanceRequest(body)).toBe(false);
    });

    it('when JSON.parse created a top-level __proto__ variable then it is refused', () => {
      const body: unknown = JSON.parse('{"variables":{"__proto__":{"x":1}}}');
      expect(validateStartInstanceRequest(body)).toEqual([{ path: 'variables.__proto__', message: '"__proto__" is not allowed as a key' }]);
    });

    it('when a variable is not a JSON value then its path is named', () => {
      expect(validateStartInstanceRequest({ variables: { score: Number.NaN, at: new Date(0) } })).toEqual([
        { path: 'variables.score', message: 'must be a finite number, not NaN' },
        {
          path: 'variables.at',
          message: 'must be a JSON value (string, number, boolean, null, array or object), not an instance of Date',
        },
      ]);
    });
  });

  describe('given unexpected fields and several problems', () => {
    it('then schema and variable issues are listed together', () => {
      const body: unknown = JSON.parse('{"businessKey":"","variable":{},"variables":{"constructor":1}}');
      expect(validateStartInstanceRequest(body)).toEqual([
        { path: 'variable', message: 'is not allowed' },
        { path: 'businessKey', message: 'must not be empty' },
        { path: 'variables.constructor', message: '"constructor" is not allowed as a key' },
      ]);
    });
  });
});
