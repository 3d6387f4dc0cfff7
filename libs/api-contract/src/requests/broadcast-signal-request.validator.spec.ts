import { isBroadcastSignalRequest, validateBroadcastSignalRequest } from './broadcast-signal-request.validator.js';

describe('validateBroadcastSignalRequest', () => {
  it.each([[{ name: 'price-list-changed' }], [{ name: 'price-list-changed', variables: { list: 'Q4' } }]])('given %j then it finds no issue', (body) => {
    expect(validateBroadcastSignalRequest(body)).toEqual([]);
    expect(isBroadcastSignalRequest(body)).toBe(true);
  });

  it.each([
    [{}, 'name', 'is required'],
    [{ name: '' }, 'name', 'must not be empty'],
    [{ name: 's', variables: [] }, 'variables', 'must be an object'],
    [{ name: 's', correlationKey: 'k' }, 'correlationKey', 'is not allowed'],
  ])('given %j then %s is refused: %s', (body, path, message) => {
    expect(validateBroadcastSignalRequest(body)).toEqual([{ path, message }]);
  });

  it('given a body that is not an object then the body is refused', () => {
    expect(validateBroadcastSignalRequest('signal')).toEqual([{ path: '', message: 'must be an object' }]);
  });
});
