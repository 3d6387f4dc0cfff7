// Which rule-set version a business-rule task evaluates: the LATEST version of its key when the
// command runs — not the one that was latest when the process was deployed. Rule sets exist so
// that analysts change who gets a lead or how it is rated without touching (or redeploying) the
// processes that use them; pinning versions at process deploy would undo that. The dry run
// (POST /rule-sets/{key}/evaluate) uses the same default, so what the analyst tested is what
// the next task decides. Versions are immutable: their documents are cached by id here, and
// only "which id is latest" is read per command (one indexed query for all keys).
import { Injectable } from '@nestjs/common';
import type { RuleSet } from '@stageflow/process-package';
import { DataSource } from 'typeorm';
import type { RuleSetVersion } from '../execution/rule-set-decider.js';

const MAX_CACHED = 500;

@Injectable()
export class RuleSetVersions {
  private readonly documents = new Map<string, RuleSet>();

  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of each key that is deployed (a key without one is left out). */
  async latest(keys: readonly string[]): Promise<RuleSetVersion[]> {
    if (keys.length === 0) return [];
    const rows: { key: string; id: string; version: number }[] = await this.dataSource.query(
      'SELECT DISTINCT ON (key) key, id, version FROM rule_sets WHERE key = ANY($1::text[]) ORDER BY key, version DESC',
      [keys],
    );
    const missing = rows.filter((row) => !this.documents.has(row.id)).map((row) => row.id);
    if (missing.length > 0) {
      const documents: { id: string; content: RuleSet }[] = await this.dataSource.query('SELECT id, content FROM rule_sets WHERE id = ANY($1::uuid[])', [missing]);
      for (const { id, content } of documents) {
        if (this.documents.size >= MAX_CACHED) {
          const oldest = this.documents.keys().next().value;
          if (oldest !== undefined) this.documents.delete(oldest);
        }
        this.documents.set(id, content);
      }
    }
    return rows.flatMap((row) => {
      const content = this.documents.get(row.id);
      return content ? [{ key: row.key, id: row.id, version: row.version, content }] : [];
    });
  }
}
