import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { tokensOf, type TokenView, type Variables } from '@stageflow/bpmn-runtime';
import { Repository } from 'typeorm';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { uniqueElements, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import { HistoryEventEntity } from './history-event.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { ProcessInstanceEntity, type InstanceStatusValue } from './process-instance.entity.js';

export interface InstanceView extends InstanceSnapshot {
  endedAt: string | null;
  /** Set when a call activity of that instance started this one. */
  parentInstanceId: string | null;
  parentCallId: string | null;
}

export interface InstanceDetailView extends InstanceView {
  /** The parked tokens, read from the stored state (docs/concepts.md, "Tokens: why they live in the instance row"). */
  tokens: TokenView[];
  incidents: { id: string; elementId: string | null; kind: string; message: string; createdAt: string }[];
}

export interface HistoryView {
  id: string;
  elementId: string | null;
  type: string | null;
  event: string;
  at: string;
  payload: Record<string, unknown> | null;
}

export interface InstanceFilter {
  definitionKey?: string;
  state?: InstanceStatusValue;
  businessKey?: string;
}

@Injectable()
export class ProcessInstancesService {
  constructor(
    @InjectRepository(ProcessInstanceEntity) private readonly instances: Repository<ProcessInstanceEntity>,
    @InjectRepository(HistoryEventEntity) private readonly history: Repository<HistoryEventEntity>,
    @InjectRepository(IncidentEntity) private readonly incidents: Repository<IncidentEntity>,
  ) {}

  async list(filter: InstanceFilter, paging: Paging): Promise<Page<InstanceView>> {
    const query = this.instances
      .createQueryBuilder('i')
      .select([
        'i.id',
        'i.definitionId',
        'i.definitionKey',
        'i.definitionVersion',
        'i.businessKey',
        'i.status',
        'i.variables',
        'i.activeElementIds',
        'i.createdAt',
        'i.updatedAt',
        'i.endedAt',
        'i.parentInstanceId',
        'i.parentCallId',
      ]);
    if (filter.definitionKey !== undefined) query.andWhere('i.definitionKey = :key', { key: filter.definitionKey });
    if (filter.state !== undefined) query.andWhere('i.status = :status', { status: filter.state });
    if (filter.businessKey !== undefined) query.andWhere('i.businessKey = :businessKey', { businessKey: filter.businessKey });
    query.orderBy('i.createdAt', 'DESC').addOrderBy('i.id', 'ASC').skip(paging.offset).take(paging.limit);
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map((row) => this.toView(row)), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<InstanceDetailView> {
    const row = await this.instances.findOne({
      where: { id },
      select: {
        id: true,
        definitionId: true,
        definitionKey: true,
        definitionVersion: true,
        businessKey: true,
        status: true,
        state: true,
        variables: true,
        activeElementIds: true,
        createdAt: true,
        updatedAt: true,
        endedAt: true,
        parentInstanceId: true,
        parentCallId: true,
      },
    });
    if (!row) throw new NotFound(`process instance ${id} not found`);
    const incidents = await this.incidents.find({ where: { processInstanceId: id }, order: { createdAt: 'ASC' } });
    return {
      ...this.toView(row),
      tokens: tokensOf(row.state),
      incidents: incidents.map((incident) => ({
        id: incident.id,
        elementId: incident.elementId,
        kind: incident.kind,
        message: incident.message,
        createdAt: incident.createdAt.toISOString(),
      })),
    };
  }

  async historyOf(id: string): Promise<{ items: HistoryView[] }> {
    if (!(await this.instances.exists({ where: { id } }))) throw new NotFound(`process instance ${id} not found`);
    const rows = await this.history.find({ where: { processInstanceId: id }, order: { id: 'ASC' } });
    return {
      items: rows.map((row) => ({
        id: String(row.id),
        elementId: row.elementId,
        type: row.elementType,
        event: row.event,
        at: row.at.toISOString(),
        payload: row.payload,
      })),
    };
  }

  private toView(row: ProcessInstanceEntity): InstanceView {
    return {
      id: row.id,
      definitionId: row.definitionId,
      definitionKey: row.definitionKey,
      version: row.definitionVersion,
      businessKey: row.businessKey,
      state: row.status,
      variables: row.variables as Variables,
      activeElementIds: uniqueElements(row.activeElementIds),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
      parentInstanceId: row.parentInstanceId ?? null,
      parentCallId: row.parentCallId ?? null,
    };
  }
}
