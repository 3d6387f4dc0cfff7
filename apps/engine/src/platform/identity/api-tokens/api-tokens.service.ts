import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFound } from '../../errors/domain-errors.js';
import { ApiTokenEntity } from './api-token.entity.js';

export const API_TOKEN_PREFIX = 'sf_';

export interface ApiTokenView {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Integrators' bearer tokens. They carry 256 random bits, so a SHA-256 of the token is enough
 * to store (a slow password hash would only slow every request down).
 */
@Injectable()
export class ApiTokensService {
  constructor(@InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>) {}

  async create(userId: string, name: string): Promise<ApiTokenView & { token: string }> {
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const entity = this.tokens.create({ id: randomUUID(), name, userId, tokenHash: hashApiToken(token), lastUsedAt: null });
    await this.tokens.insert(entity);
    const stored = await this.tokens.findOneByOrFail({ id: entity.id });
    return { ...this.toView(stored), token };
  }

  async list(userId: string | undefined): Promise<ApiTokenView[]> {
    const rows = await this.tokens.find({ where: userId ? { userId } : {}, order: { createdAt: 'ASC' } });
    return rows.map((row) => this.toView(row));
  }

  async revoke(id: string, userId: string | undefined): Promise<void> {
    const result = await this.tokens.delete(userId ? { id, userId } : { id });
    if (!result.affected) throw new NotFound(`api token ${id} not found`);
  }

  async findUserIdByToken(token: string): Promise<string | undefined> {
    const row = await this.tokens.findOneBy({ tokenHash: hashApiToken(token) });
    return row?.userId;
  }

  private toView(row: ApiTokenEntity): ApiTokenView {
    return { id: row.id, name: row.name, userId: row.userId, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
  }
}
