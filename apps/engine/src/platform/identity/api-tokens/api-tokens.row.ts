// The `api_tokens` table as PostgreSQL answers it, and its view (never the hash).
export interface ApiTokenRow {
  id: string;
  name: string;
  /** SHA-256 of the token, hex. */
  token_hash: string;
  user_id: string;
  created_at: Date;
  last_used_at: Date | null;
}

export interface ApiTokenView {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return { id: row.id, name: row.name, userId: row.user_id, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}
