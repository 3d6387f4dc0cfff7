import type { JSONSchemaType } from 'ajv';

/** Body of `POST /api/v1/auth/login`. */
export interface LoginRequest {
  username: string;
  password: string;
}

export const loginRequestSchema: JSONSchemaType<LoginRequest> = {
  $id: 'https://stageflow.dev/schema/api/login-request.json',
  title: 'Login request',
  type: 'object',
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 200 },
    // Bounded: argon2 hashes the whole password, so an unbounded one is free work for an attacker.
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
  required: ['username', 'password'],
  additionalProperties: false,
};
