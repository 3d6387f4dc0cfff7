import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFound } from '../../errors/domain-errors.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { toApiTokenView, type ApiTokenView } from './api-tokens.row.js';

export type { ApiTokenView } from './api-tokens.row.js';

export const API_TOKEN_PREFIX = 'sf_';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Integrators' bearer tokens. They carry 256 random bits, so a SHA-256 of the token is enough
 * to store (a slow password hash would only slow every request down).
 */
@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async create(userId: string, name: string): Promise<ApiTokenView & { token: string }> {
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const stored = await this.tokens.insert({ id: randomUUID(), name, user_id: userId, token_hash: hashApiToken(token) });
    return { ...toApiTokenView(stored), token };
  }

  /** Oldest first; only the user's when `userId` is given (undefined: everyone's). */
  async list(userId: string | undefined): Promise<ApiTokenView[]> {
    return (await this.tokens.list(userId)).map(toApiTokenView);
  }

  /** Revokes the token (only one of the user's, when `userId` is given); 404 otherwise. */
  async revoke(id: string, userId: string | undefined): Promise<void> {
    if (!(await this.tokens.delete(id, userId))) throw new NotFound(`api token ${id} not found`);
  }

  async findUserIdByToken(token: string): Promise<string | undefined> {
    return (await this.tokens.findByHash(hashApiToken(token)))?.user_id;
  }
}
