import { Injectable } from '@nestjs/common';
import { messageNames, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { UserStatusService } from '../../platform/identity/users/user-status.service.js';
import { processDefinitionViewOf, type ProcessDefinitionSummaryRow, type ProcessDefinitionView } from './process-definition.row.js';
import { ProcessDefinitionsRepository } from './process-definitions.repository.js';

export type { ProcessDefinitionView } from './process-definition.row.js';

export interface ProcessDefinitionDiagramView extends ProcessDefinitionView {
  xml: string;
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

  constructor(
    private readonly definitions: ProcessDefinitionsRepository,
    private readonly userStatus: UserStatusService,
  ) {}

  async list(filter: { key?: string; latest: boolean }, paging: Paging): Promise<Page<ProcessDefinitionView>> {
    const { rows, total } = await this.definitions.page(filter, paging);
    return { items: await this.views(rows), total, offset: paging.offset, limit: paging.limit };
  }

  /** The messages the latest version of every process catches or throws, by name (the modeler's picker). */
  async messageNames(): Promise<string[]> {
    const graphs = await Promise.all((await this.definitions.latestIds()).map((id) => this.graph(id)));
    return [...new Set(graphs.flatMap(messageNames))].sort();
  }

  async get(id: string): Promise<ProcessDefinitionView> {
    const row = await this.definitions.byId(id);
    if (!row) throw new NotFound(`process definition ${id} not found`);
    return (await this.views([row]))[0]!;
  }

  /** Rows as views, each deployer's username read once (from the sign-in check's per-node cache). */
  private async views(rows: readonly ProcessDefinitionSummaryRow[]): Promise<ProcessDefinitionView[]> {
    const ids = [...new Set(rows.flatMap((row) => (row.deployed_by_id ? [row.deployed_by_id] : [])))];
    const usernames = new Map(await Promise.all(ids.map(async (id) => [id, (await this.userStatus.of(id))?.username ?? null] as const)));
    return rows.map((row) => processDefinitionViewOf(row, row.deployed_by_id ? (usernames.get(row.deployed_by_id) ?? null) : null));
  }

  /** The version with its XML, for the studio (JSON, as every answer its API client reads). */
  async diagram(id: string): Promise<ProcessDefinitionDiagramView> {
    const [view, xml] = await Promise.all([this.get(id), this.xml(id)]);
    return { ...view, xml };
  }

  async xml(id: string): Promise<string> {
    const xml = await this.definitions.xml(id);
    if (xml === undefined) throw new NotFound(`process definition ${id} not found`);
    return xml;
  }

  /** The latest version of `key`; from the cache when `cached` (see `latest`), else read fresh. */
  async latestByKey(key: string, cached = false): Promise<DefinitionRef> {
    if (cached) {
      const hit = this.latest.get(key);
      if (hit) return hit;
    }
    const row = await this.definitions.latestVersion(key);
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
    const graph = await this.definitions.graph(id);
    if (!graph) throw new NotFound(`process definition ${id} not found`);
    if (this.graphs.size >= GRAPH_CACHE_SIZE) {
      const oldest = this.graphs.keys().next().value;
      if (oldest !== undefined) this.graphs.delete(oldest);
    }
    this.graphs.set(id, graph);
    return graph;
  }
}
