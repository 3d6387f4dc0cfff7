import { Injectable } from '@nestjs/common';
import type { ActionTemplate } from '@stageflow/process-package';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { actionTemplateViewOf, type ActionTemplateView } from './action-template.row.js';
import { ActionTemplatesRepository } from './action-templates.repository.js';

export type { ActionTemplateView } from './action-template.row.js';

export interface ActionTemplateDetail extends ActionTemplateView {
  content: ActionTemplate;
}

/** Deployed action templates (stored by DeploymentsService): listed and read. */
@Injectable()
export class ActionTemplatesService {
  constructor(private readonly templates: ActionTemplatesRepository) {}

  async list(filter: { key?: string; latest: boolean }, paging: Paging): Promise<Page<ActionTemplateView>> {
    const { rows, total } = await this.templates.page(filter, paging);
    return { items: rows.map(actionTemplateViewOf), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<ActionTemplateDetail> {
    const row = await this.templates.byId(id);
    if (!row) throw new NotFound(`action template ${id} not found`);
    return { ...actionTemplateViewOf(row), content: row.content };
  }
}
