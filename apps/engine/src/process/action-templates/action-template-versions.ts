// Which version of an action template a run uses: the LATEST version of its key when the action
// runs (as for rule sets: analysts change what an action does without redeploying the
// processes). Versions are immutable: documents are cached by id, only "which id is latest" is
// read per run.
import { Injectable } from '@nestjs/common';
import type { ActionTemplate } from '@stageflow/process-package';
import { DataSource } from 'typeorm';

const MAX_CACHED = 500;

export interface ActionTemplateVersion {
  id: string;
  key: string;
  version: number;
  template: ActionTemplate;
}

@Injectable()
export class ActionTemplateVersions {
  private readonly documents = new Map<string, ActionTemplate>();

  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of `key`, or undefined when none is deployed. */
  async latest(key: string): Promise<ActionTemplateVersion | undefined> {
    const rows: { id: string; version: number }[] = await this.dataSource.query(
      'SELECT id, version FROM action_templates WHERE key = $1 ORDER BY version DESC LIMIT 1',
      [key],
    );
    const row = rows[0];
    if (!row) return undefined;
    let template = this.documents.get(row.id);
    if (template === undefined) {
      const documents: { content: ActionTemplate }[] = await this.dataSource.query('SELECT content FROM action_templates WHERE id = $1', [row.id]);
      template = documents[0]?.content;
      if (template === undefined) return undefined;
      if (this.documents.size >= MAX_CACHED) this.documents.delete(this.documents.keys().next().value as string);
      this.documents.set(row.id, template);
    }
    return { id: row.id, key, version: row.version, template };
  }

  /** The keys of `keys` that have a deployed version. */
  async deployedKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { key: string }[] = await this.dataSource.query('SELECT DISTINCT key FROM action_templates WHERE key = ANY($1::text[])', [keys]);
    return new Set(rows.map((row) => row.key));
  }
}
