import { isEditInstanceVariablesRequest, validateEditInstanceVariablesRequest } from './edit-instance-variables-request.validator.js';

describe('validateEditInstanceVariablesRequest', () => {
  it('given variables to set, when checked, then it finds no issue', () => {
    const body = { variables: { budget: 5000, owner: null, tags: ['a'], customer: { name: 'ACME' } } };

    expect(validateEditInstanceVariablesRequest(body)).toEqual([]);
    expect(isEditInstanceVariablesRequest(body)).toBe(true);
  });

  it('given no variable at all, when checked, then variables is refused', () => {
    expect(validateEditInstanceVariablesRequest({ variables: {} })).toEqual([{ path: 'variables', message: 'must have at least 1 properties' }]);
    expect(validateEditInstanceVariablesRequest({})).toEqual([{ path: 'variables', message: 'is required' }]);
  });

  it('given a variable that is not a JSON value, when checked, then that variable is named', () => {
    expect(validateEditInstanceVariablesRequest({ variables: { budget: Number.POSITIVE_INFINITY } })).toEqual([
      { path: 'variables.budget', message: 'must be a finite number, not Infinity' },
    ]);
  });

  it('given a __proto__ variable, when checked, then it is refused by name', () => {
    const body: unknown = JSON.parse('{"variables":{"__proto__":{"isAdmin":true}}}');

    expect(validateEditInstanceVariablesRequest(body)).toEqual([{ path: 'variables.__proto__', message: '"__proto__" is not allowed as a key' }]);
  });

  it('given another property beside variables, when checked, then it is refused', () => {
    expect(validateEditInstanceVariablesRequest({ variables: { a: 1 }, reason: 'x' })).toEqual([{ path: 'reason', message: 'is not allowed' }]);
  });
});
