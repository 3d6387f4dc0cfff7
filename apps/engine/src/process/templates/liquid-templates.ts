// The deployed liquid templates (`*.liquid` resources), latest version of each key, as one
// sandboxed TemplateRenderer: what `sendEmail.template` and `{% include %}` resolve to, and
// nothing else (never a file). The renderer is rebuilt only when the set of latest versions
// changes (one indexed query per use tells); versions are immutable.
import { Injectable } from '@nestjs/common';
import { TemplateRenderer, type DeployedTemplates } from '@stageflow/rules';
import type { Queryable } from '../../platform/database/queryable.js';
import { LiquidTemplatesRepository } from './liquid-templates.repository.js';

@Injectable()
export class LiquidTemplates {
  private cached: { fingerprint: string; templates: DeployedTemplates; renderer: TemplateRenderer } | undefined;

  constructor(private readonly repository: LiquidTemplatesRepository) {}

  /** The latest version of every deployed template, by key. */
  async latest(db?: Queryable): Promise<DeployedTemplates> {
    return (await this.load(db)).templates;
  }

  /** A renderer over the latest templates (cached while they do not change). */
  async renderer(): Promise<TemplateRenderer> {
    return (await this.load()).renderer;
  }

  private async load(db?: Queryable): Promise<{ templates: DeployedTemplates; renderer: TemplateRenderer }> {
    const ids = await this.repository.latestIds(db);
    const fingerprint = [...ids].sort().join(',');
    if (this.cached?.fingerprint === fingerprint) return this.cached;
    const rows = await this.repository.contents(ids, db);
    const templates: Record<string, string> = {};
    for (const row of rows) templates[row.key] = row.content;
    const loaded = { fingerprint, templates, renderer: new TemplateRenderer(templates) };
    this.cached = loaded;
    return loaded;
  }
}
