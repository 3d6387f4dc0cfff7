import { Injectable } from '@nestjs/common';
import type { ActionTemplate, ActionType } from '@stageflow/process-package';
import { DataSource } from 'typeorm';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';

export interface ActionTemplateView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  actionType: ActionType;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export interface ActionTemplateDetail extends ActionTemplateView {
  content: ActionTemplate;
}

interface ActionTemplateRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  action_type: ActionType;
  resource_name: string;
  deployment_id: string;
  content_hash: string;
  created_at: Date;
}

const VIEW_COLUMNS = 'id, key, version, name, action_type, resource_name, deployment_id, content_hash, created_at';

/** Deployed action templates (stored by DeploymentsService): listed and read. */
@Injectable()
export class ActionTemplatesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: { key?: string; latest: boolean }, paging: Paging): Promise<Page<ActionTemplateView>> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.key !== undefined) {
      values.push(filter.key);
      where.push(`a.key = $${values.length}`);
    }
    if (filter.latest) where.push('a.version = (SELECT max(l.version) FROM action_templates l WHERE l.key = a.key)');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows: (ActionTemplateRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS}, count(*) OVER () AS total FROM action_templates a ${clause}
       ORDER BY a.key, a.version DESC OFFSET $${values.length + 1} LIMIT $${values.length + 2}`,
      [...values, paging.offset, paging.limit],
    );
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(((await this.dataSource.query(`SELECT count(*) FROM action_templates a ${clause}`, values)) as { count: string }[])[0]?.count ?? 0);
    return { items: rows.map(toView), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<ActionTemplateDetail> {
    const rows: (ActionTemplateRow & { content: ActionTemplate })[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS}, content FROM action_templates WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new NotFound(`action template ${id} not found`);
    return { ...toView(row), content: row.content };
  }
}

function toView(row: ActionTemplateRow): ActionTemplateView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    actionType: row.action_type,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    contentHash: row.content_hash,
    createdAt: row.created_at.toISOString(),
  };
}
