// The deployed liquid templates (`*.liquid` resources), latest version of each key, as one
// sandboxed TemplateRenderer: what `sendEmail.template` and `{% include %}` resolve to, and
// nothing else (never a file). The renderer is rebuilt only when the set of latest versions
// changes (one indexed query per use tells); versions are immutable.
import { Injectable } from '@nestjs/common';
import { TemplateRenderer, type DeployedTemplates } from '@stageflow/rules';
import { DataSource } from 'typeorm';

/** Something that runs a query: the data source, or a transaction's EntityManager. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

@Injectable()
export class LiquidTemplates {
  private cached: { fingerprint: string; templates: DeployedTemplates; renderer: TemplateRenderer } | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of every deployed template, by key. */
  async latest(db: Queryable = this.dataSource): Promise<DeployedTemplates> {
    return (await this.load(db)).templates;
  }

  /** A renderer over the latest templates (cached while they do not change). */
  async renderer(): Promise<TemplateRenderer> {
    return (await this.load(this.dataSource)).renderer;
  }

  private async load(db: Queryable): Promise<{ templates: DeployedTemplates; renderer: TemplateRenderer }> {
    const ids = (await db.query('SELECT DISTINCT ON (key) id FROM liquid_templates ORDER BY key, version DESC')) as { id: string }[];
    const fingerprint = ids
      .map((row) => row.id)
      .sort()
      .join(',');
    if (this.cached?.fingerprint === fingerprint) return this.cached;
    const rows = (await db.query('SELECT key, content FROM liquid_templates WHERE id = ANY($1::uuid[])', [ids.map((row) => row.id)])) as {
      key: string;
      content: string;
    }[];
    const templates: Record<string, string> = {};
    for (const row of rows) templates[row.key] = row.content;
    const loaded = { fingerprint, templates, renderer: new TemplateRenderer(templates) };
    this.cached = loaded;
    return loaded;
  }
}
