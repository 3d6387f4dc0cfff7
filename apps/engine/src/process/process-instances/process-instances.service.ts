import { Injectable } from '@nestjs/common';
import { tokensOf, type TokenView } from '@stageflow/bpmn-runtime';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { IncidentsRepository } from '../incidents/incidents.repository.js';
import { HistoryRepository } from './history.repository.js';
import { historyViewOf, type HistoryView } from './history.row.js';
import { instanceViewOf, type InstanceStatusValue, type InstanceView } from './process-instance.row.js';
import { ProcessInstancesRepository } from './process-instances.repository.js';

export type { HistoryView } from './history.row.js';
export type { InstanceView } from './process-instance.row.js';

export interface InstanceDetailView extends InstanceView {
  /** The parked tokens, read from the stored state (docs/concepts.md, "Tokens: why they live in the instance row"). */
  tokens: TokenView[];
  incidents: { id: string; elementId: string | null; kind: string; message: string; createdAt: string }[];
}

export interface InstanceFilter {
  definitionKey?: string;
  state?: InstanceStatusValue;
  businessKey?: string;
}

@Injectable()
export class ProcessInstancesService {
  constructor(
    private readonly instances: ProcessInstancesRepository,
    private readonly history: HistoryRepository,
    private readonly incidents: IncidentsRepository,
  ) {}

  async list(filter: InstanceFilter, paging: Paging): Promise<Page<InstanceView>> {
    const { rows, total } = await this.instances.page({ definitionKey: filter.definitionKey, status: filter.state, businessKey: filter.businessKey }, paging);
    return { items: rows.map(instanceViewOf), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<InstanceDetailView> {
    const row = await this.instances.byId(id);
    if (!row) throw new NotFound(`process instance ${id} not found`);
    const incidents = await this.incidents.ofInstance(id);
    return {
      ...instanceViewOf(row),
      tokens: tokensOf(row.state),
      incidents: incidents.map((incident) => ({
        id: incident.id,
        elementId: incident.element_id,
        kind: incident.kind,
        message: incident.message,
        createdAt: incident.created_at.toISOString(),
      })),
    };
  }

  async historyOf(id: string): Promise<{ items: HistoryView[] }> {
    if (!(await this.instances.exists(id))) throw new NotFound(`process instance ${id} not found`);
    return { items: (await this.history.ofInstance(id)).map(historyViewOf) };
  }

  /** The parent link of an instance, when a call activity started it. */
  parentOf(id: string): Promise<{ parentInstanceId: string; callId: string } | undefined> {
    return this.instances.parentOf(id);
  }
}
