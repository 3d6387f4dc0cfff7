import { isCompleteTaskRequest, validateCompleteTaskRequest } from './complete-task-request.validator.js';

describe('validateCompleteTaskRequest', () => {
  describe('given a valid body', () => {
    it.each([[{}], [{ variables: {} }], [{ variables: { approved: true, reviewers: ['ann', 'bob'], budget: { amount: 5000 } } }]])(
      'when the body is %j then it finds no issue',
      (body) => {
        expect(validateCompleteTaskRequest(body)).toEqual([]);
        expect(isCompleteTaskRequest(body)).toBe(true);
      },
    );
  });

  describe('given a body that is not an object', () => {
    it.each([[null], [[]], ['x']])('when it is %j then the body is refused', (body) => {
      expect(validateCompleteTaskRequest(body)).toEqual([{ path: '', message: 'must be an object' }]);
    });
  });

  describe('given variables that are not a JSON object', () => {
    it.each([[null], [[{ a: 1 }]], ['approved'], [true]])('when variables is %j then variables is refused', (variables) => {
      expect(validateCompleteTaskRequest({ variables })).toEqual([{ path: 'variables', message: 'must be an object' }]);
      expect(isCompleteTaskRequest({ variables })).toBe(false);
    });
  });

  describe('given variables with forbidden content', () => {
    it('when a __proto__ key hides in an array element then its path is named', () => {
      const body: unknown = JSON.parse('{"variables":{"items":[{"ok":1},{"__proto__":{"polluted":true}}]}}');
      expect(validateCompleteTaskRequest(body)).toEqual([{ path: 'variables.items[1].__proto__', message: '"__proto__" is not allowed as a key' }]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('when prototype is a key then it is refused', () => {
      expect(validateCompleteTaskRequest({ variables: { config: { prototype: {} } } })).toEqual([
        { path: 'variables.config.prototype', message: '"prototype" is not allowed as a key' },
      ]);
    });
  });

  describe('given an unexpected field', () => {
    it('then it is named', () => {
      expect(validateCompleteTaskRequest({ variables: {}, outcome: 'approve' })).toEqual([{ path: 'outcome', message: 'is not allowed' }]);
    });
  });
});
