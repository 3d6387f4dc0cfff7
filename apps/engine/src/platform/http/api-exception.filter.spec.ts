import { Conflict, Forbidden, Invalid, InvalidDefinition, NotFound, Unauthorized, Unavailable } from '../errors/domain-errors.js';
import { toErrorBody } from './api-exception.filter.js';

describe('toErrorBody', () => {
  it.each([
    [Invalid.field('name', 'is required'), 400, 'bad_request'],
    [new Unauthorized(), 401, 'unauthorized'],
    [new Forbidden('not yours'), 403, 'forbidden'],
    [new NotFound('task 1 not found'), 404, 'not_found'],
    [new Conflict('already completed'), 409, 'conflict'],
    [new InvalidDefinition('the deployment has 1 problem', [{ elementId: 'Task_1' }]), 422, 'invalid_definition'],
    [new Unavailable('the database does not answer'), 503, 'service_unavailable'],
  ])('answers %p with its status and code, message and details unchanged', (error, status, code) => {
    expect(toErrorBody(error)).toEqual({ status, body: { error: code, message: error.message, details: error.details } });
  });

  it('answers an error it does not know with a 500 that tells nothing of it', () => {
    expect(toErrorBody(new Error('password hash abc'))).toEqual({ status: 500, body: { error: 'internal_error', message: 'internal error', details: [] } });
  });
});
