import { loggableError, withoutQuotedValues } from './loggable-error.js';

describe('loggableError', () => {
  it('logs a database error by code, message and the objects it names, without the values it quotes', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "$argon2id$v=19$secret"'), { code: '22P02', severity: 'ERROR', table: 'users' });
    const line = loggableError(error);
    expect(line).toBe('database error 22P02: invalid input syntax for type uuid: "…" (table users)');
    expect(line).not.toContain('argon2');
  });

  it('never logs a database error’s detail, where PostgreSQL repeats the row', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "users_username_key"'), {
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (username)=(alice) already exists.',
      constraint: 'users_username_key',
    });
    expect(loggableError(error)).toBe('database error 23505: duplicate key value violates unique constraint "…" (constraint users_username_key)');
  });

  it('gives any other error by its message, or its stack when the operator must trace it', () => {
    const error = new TypeError('x is not a function');
    expect(loggableError(error)).toBe('x is not a function');
    expect(loggableError(error, { stack: true })).toContain('TypeError: x is not a function');
    expect(loggableError(error, { stack: true })).toContain('loggable-error.spec');
  });

  it('replaces single- and double-quoted parts alike', () => {
    expect(withoutQuotedValues(`value 'a' and "b" stay out`)).toBe('value "…" and "…" stay out');
  });
});
