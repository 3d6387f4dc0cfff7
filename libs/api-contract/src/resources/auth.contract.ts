// POST /api/v1/auth/login (the body is the login request of ../requests).
import { described, integer, named, stringEnum, string } from '../schemas/json-schema.js';

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
}

export const loginResponseSchema = named<LoginResponse>('login-response', {
  accessToken: string,
  tokenType: stringEnum(['Bearer']),
  expiresIn: described(integer, 'Seconds.'),
});
