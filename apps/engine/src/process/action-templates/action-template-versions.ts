// Which version of an action template a run uses: the LATEST version of its key when the action
// runs (as for rule sets: analysts change what an action does without redeploying the
// processes). Versions are immutable: documents are cached by id, only "which id is latest" is
// read per run.
import { Injectable } from '@nestjs/common';
import type { ActionTemplate } from '@stageflow/process-package';
import { ActionTemplatesRepository } from './action-templates.repository.js';

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

  constructor(private readonly templates: ActionTemplatesRepository) {}

  /** The latest version of `key`, or undefined when none is deployed. */
  async latest(key: string): Promise<ActionTemplateVersion | undefined> {
    const row = await this.templates.latestRef(key);
    if (!row) return undefined;
    let template = this.documents.get(row.id);
    if (template === undefined) {
      template = await this.templates.content(row.id);
      if (template === undefined) return undefined;
      if (this.documents.size >= MAX_CACHED) this.documents.delete(this.documents.keys().next().value as string);
      this.documents.set(row.id, template);
    }
    return { id: row.id, key, version: row.version, template };
  }

  /** The keys of `keys` that have a deployed version. */
  deployedKeys(keys: readonly string[]): Promise<Set<string>> {
    return this.templates.deployedKeys(keys);
  }
}
