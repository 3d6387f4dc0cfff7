import { Invalid } from '../../errors/domain-errors.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

/** A new password (of a new user, a change or a reset): 8 to 200 characters; 400 naming `path` otherwise. */
export function checkNewPassword(path: string, password: unknown): string {
  if (typeof password !== 'string' || password.length === 0) throw Invalid.field(path, 'is required and must be a non-empty string');
  if (password.length < MIN_PASSWORD_LENGTH) throw Invalid.field(path, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw Invalid.field(path, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}
