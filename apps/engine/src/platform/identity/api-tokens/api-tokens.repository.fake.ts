// For service specs: ApiTokensRepository over an array of rows (creation order is list order).
import type { ApiTokensRepository } from './api-tokens.repository.js';
import type { ApiTokenRow } from './api-tokens.row.js';

export class FakeApiTokensRepository implements Pick<ApiTokensRepository, keyof ApiTokensRepository> {
  rows: ApiTokenRow[] = [];

  async insert(token: Pick<ApiTokenRow, 'id' | 'name' | 'token_hash' | 'user_id'>): Promise<ApiTokenRow> {
    if (this.rows.some((row) => row.token_hash === token.token_hash))
      throw new Error('duplicate key value violates unique constraint "api_tokens_token_hash_key"');
    const row: ApiTokenRow = { ...token, created_at: new Date(), last_used_at: null };
    this.rows.push(row);
    return row;
  }

  async list(userId: string | undefined): Promise<ApiTokenRow[]> {
    return this.rows.filter((row) => userId === undefined || row.user_id === userId);
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.rows.find((row) => row.token_hash === tokenHash);
  }

  async delete(id: string, userId: string | undefined): Promise<boolean> {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => !(row.id === id && (userId === undefined || row.user_id === userId)));
    return this.rows.length < before;
  }
}
