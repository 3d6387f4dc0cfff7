import { isLoginRequest, validateLoginRequest } from './login-request.validator.js';

describe('validateLoginRequest', () => {
  describe('given a username and a password', () => {
    it('then it finds no issue', () => {
      const body = { username: 'admin', password: 'correct horse battery staple' };
      expect(validateLoginRequest(body)).toEqual([]);
      expect(isLoginRequest(body)).toBe(true);
    });
  });

  describe('given a body that is not an object', () => {
    it.each([[null], [[]], ['admin:secret']])('when it is %j then the body is refused', (body) => {
      expect(validateLoginRequest(body)).toEqual([{ path: '', message: 'must be an object' }]);
    });
  });

  describe('given missing or bad fields', () => {
    it.each([
      [{ password: 'p' }, 'username', 'is required'],
      [{ username: 'u' }, 'password', 'is required'],
      [{ username: '', password: 'p' }, 'username', 'must not be empty'],
      [{ username: 'u', password: '' }, 'password', 'must not be empty'],
      [{ username: 1, password: 'p' }, 'username', 'must be a string'],
      [{ username: 'u', password: ['p'] }, 'password', 'must be a string'],
      [{ username: 'u'.repeat(201), password: 'p' }, 'username', 'must be at most 200 characters long'],
      [{ username: 'u', password: 'p'.repeat(1025) }, 'password', 'must be at most 1024 characters long'],
      [{ username: 'u', password: 'p', remember: true }, 'remember', 'is not allowed'],
    ])('when the body is %j then %s is refused: %s', (body, path, message) => {
      expect(validateLoginRequest(body)).toEqual([{ path, message }]);
      expect(isLoginRequest(body)).toBe(false);
    });

    it('when both are missing then both are named', () => {
      expect(validateLoginRequest({})).toEqual([
        { path: 'username', message: 'is required' },
        { path: 'password', message: 'is required' },
      ]);
    });
  });

  describe('given fields of the wrong type or unexpected ones', () => {
    it('then no issue repeats a value (keys, not values, are named)', () => {
      const secret = 'hunter2-secret';
      const issues = validateLoginRequest({ username: secret, password: { secret }, extra: secret });
      expect(JSON.stringify(issues)).not.toContain(secret);
    });
  });
});
