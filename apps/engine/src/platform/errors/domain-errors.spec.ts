import { Conflict, DomainError, Invalid, NotFound, Unauthorized } from './domain-errors.js';

describe('domain errors', () => {
  it('name the offending field in the message and the details', () => {
    const error = Invalid.field('variables.a', 'must be a string');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe('variables.a must be a string');
    expect(error.details).toEqual([{ path: 'variables.a', message: 'must be a string' }]);
  });

  it('say how many more issues a body has beyond the first', () => {
    const error = Invalid.body([
      { path: '', message: 'must be an object' },
      { path: 'name', message: 'is required' },
    ]);
    expect(error.message).toBe('the body must be an object (and 1 more)');
    expect(error.details).toHaveLength(2);
  });

  it('are told apart by class, whatever their message', () => {
    const errors: DomainError[] = [new NotFound('x'), new Conflict('x'), new Unauthorized()];
    expect(errors.map((error) => [error.name, error.code])).toEqual([
      ['NotFound', 'not_found'],
      ['Conflict', 'conflict'],
      ['Unauthorized', 'unauthorized'],
    ]);
    expect(new Unauthorized().message).toBe('authentication required');
  });
});
