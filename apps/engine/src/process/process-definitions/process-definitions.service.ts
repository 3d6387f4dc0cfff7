import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProcessGraph } from '@stageflow/bpmn-runtime';
import { Repository } from 'typeorm';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { ProcessDefinitionEntity } from './process-definition.entity.js';

export interface ProcessDefinitionView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export interface DefinitionRef {
  id: string;
  key: string;
  version: number;
}

const GRAPH_CACHE_SIZE = 500;
const LATEST_CACHE_SIZE = 500;

@Injectable()
export class ProcessDefinitionsService {
  /** Compiled graphs by definition id; a version never changes, so entries never go stale. */
  private readonly graphs = new Map<string, ProcessGraph>();
  /**
   * The latest version by key, as last read. It can go stale when a new version is deployed
   * (here or on another node): its users must check it where it matters (a start's INSERT does).
   */
  private readonly latest = new Map<string, DefinitionRef>();

  constructor(@InjectRepository(ProcessDefinitionEntity) private readonly definitions: Repository<ProcessDefinitionEntity>) {}

  async list(filter: { key?: string; latest: boolean }, paging: Paging): Promise<Page<ProcessDefinitionView>> {
    const query = this.definitions
      .createQueryBuilder('d')
      .select(['d.id', 'd.key', 'd.version', 'd.name', 'd.resourceName', 'd.deploymentId', 'd.contentHash', 'd.createdAt']);
    if (filter.key !== undefined) query.andWhere('d.key = :key', { key: filter.key });
    if (filter.latest) query.andWhere('d.version = (SELECT max(l.version) FROM process_definitions l WHERE l.key = d.key)');
    query.orderBy('d.key', 'ASC').addOrderBy('d.version', 'DESC').skip(paging.offset).take(paging.limit);
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map((row) => this.toView(row)), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<ProcessDefinitionView> {
    return this.toView(await this.load(id, false));
  }

  async xml(id: string): Promise<string> {
    return (await this.load(id, true)).xml;
  }

  /** The latest version of `key`; from the cache when `cached` (see `latest`), else read fresh. */
  async latestByKey(key: string, cached = false): Promise<DefinitionRef> {
    if (cached) {
      const hit = this.latest.get(key);
      if (hit) return hit;
    }
    const rows: DefinitionRef[] = await this.definitions.query(
      'SELECT id, key, version FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1',
      [key],
    );
    const row = rows[0];
    if (!row) throw new NotFound(`no process definition with key "${key}"`);
    const ref: DefinitionRef = { id: row.id, key: row.key, version: row.version };
    if (!this.latest.has(key) && this.latest.size >= LATEST_CACHE_SIZE) {
      const oldest = this.latest.keys().next().value;
      if (oldest !== undefined) this.latest.delete(oldest);
    }
    this.latest.set(key, ref);
    return ref;
  }

  async graph(id: string): Promise<ProcessGraph> {
    const cached = this.graphs.get(id);
    if (cached) return cached;
    const rows: { graph: ProcessGraph }[] = await this.definitions.query('SELECT graph FROM process_definitions WHERE id = $1', [id]);
    const graph = rows[0]?.graph;
    if (!graph) throw new NotFound(`process definition ${id} not found`);
    if (this.graphs.size >= GRAPH_CACHE_SIZE) {
      const oldest = this.graphs.keys().next().value;
      if (oldest !== undefined) this.graphs.delete(oldest);
    }
    this.graphs.set(id, graph);
    return graph;
  }

  private async load(id: string, withXml: boolean): Promise<ProcessDefinitionEntity> {
    const row = await this.definitions.findOne({
      where: { id },
      select: { id: true, key: true, version: true, name: true, resourceName: true, deploymentId: true, contentHash: true, createdAt: true, xml: withXml },
    });
    if (!row) throw new NotFound(`process definition ${id} not found`);
    return row;
  }

  toView(row: ProcessDefinitionEntity): ProcessDefinitionView {
    return {
      id: row.id,
      key: row.key,
      version: row.version,
      name: row.name,
      resourceName: row.resourceName,
      deploymentId: row.deploymentId,
      contentHash: row.contentHash,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
