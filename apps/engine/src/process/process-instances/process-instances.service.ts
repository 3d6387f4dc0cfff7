import { Injectable } from '@nestjs/common';
import type { ProcessDefinitionStatisticsList } from '@stageflow/api-contract';
import { candidateStartersOf, tokensOf, type TokenView, type Variables } from '@stageflow/bpmn-runtime';
import { Forbidden, NotFound } from '../../platform/errors/domain-errors.js';
import type { Paging } from '../../platform/http/input.js';
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../platform/http/time-id-cursor.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { InstanceCommandsService, uniqueElements, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import { IncidentsRepository } from '../incidents/incidents.repository.js';
import { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';
import { InstanceVisibility } from '../visibility/instance-visibility.js';
import { HistoryRepository } from './history.repository.js';
import { historyViewOf, type HistoryView } from './history.row.js';
import { instanceViewOf, type InstanceStatusValue, type InstanceView } from './process-instance.row.js';
import { ProcessInstancesRepository } from './process-instances.repository.js';
import { mayStart } from './process-starters.js';

export type { HistoryView } from './history.row.js';
export type { InstanceView } from './process-instance.row.js';

export interface InstanceDetailView extends InstanceView {
  /** The parked tokens, read from the stored state (docs/concepts.md, "Tokens: why they live in the instance row"). */
  tokens: TokenView[];
  incidents: { id: string; elementId: string | null; kind: string; message: string; createdAt: string }[];
}

export interface InstanceFilter {
  definitionKey?: string;
  /** A version of `definitionKey`. */
  version?: number;
  state?: InstanceStatusValue;
  businessKey?: string;
  hasIncident?: boolean;
}

/** A page of instances (api-contract ProcessInstancePage): by offset with `total`, or after a cursor without. */
export interface InstancePage {
  items: InstanceView[];
  total?: number;
  offset?: number;
  limit: number;
  nextCursor: string | null;
}

/** A page of the list: by offset or after a cursor, counting every match or not (`count`; default: only by offset). */
export type InstanceListPaging = (Paging | { limit: number; cursor: string }) & { count?: boolean };

/** Where an instance has been and is (api-contract InstancePathView). */
export interface InstancePathView {
  activeElementIds: string[];
  elements: { elementId: string; entered: number; left: number }[];
  flows: { flowId: string; taken: number }[];
}

/** Running instances of one version per element they wait at (api-contract WaitingInstancesView). */
export interface WaitingInstancesView {
  definitionKey: string;
  version: number;
  items: { elementId: string; instances: number; incidents: number }[];
}

@Injectable()
export class ProcessInstancesService {
  constructor(
    private readonly instances: ProcessInstancesRepository,
    private readonly history: HistoryRepository,
    private readonly incidents: IncidentsRepository,
    private readonly definitions: ProcessDefinitionsService,
    private readonly commands: InstanceCommandsService,
    private readonly visibility: InstanceVisibility,
  ) {}

  /**
   * A start from the API: 403 when the process does not let the caller start it (its declared
   * starters, process-starters.ts) or when its business key names a record the caller does not
   * see; the engine's own starts go to InstanceCommandsService directly.
   */
  async start(principal: Principal, key: string, input: { businessKey?: string; variables?: Variables }): Promise<InstanceSnapshot> {
    const definition = await this.definitions.latestByKey(key, true);
    if (!mayStart(principal, candidateStartersOf(await this.definitions.graph(definition.id)))) {
      throw new Forbidden(`you may not start the process "${key}": it is not among the processes you may start`);
    }
    if (this.visibility.namesRecord(principal, input.businessKey) && !(await this.instances.seesRecord(principal, input.businessKey))) {
      throw new Forbidden(`you may not start the process "${key}" on ${input.businessKey}: it is not a record you see`);
    }
    return this.commands.start(key, input, { userId: principal.userId, username: principal.username });
  }

  /**
   * The instances `viewer` sees (all for the engine's own reads, without a viewer), newest first;
   * filters only narrow it. A page by offset counts every match unless `count` is false; a page
   * after `cursor` counts only when `count` is true.
   */
  async list(filter: InstanceFilter, paging: Paging, viewer?: Principal): Promise<InstancePage & { total: number; offset: number }>;
  async list(filter: InstanceFilter, paging: InstanceListPaging, viewer?: Principal): Promise<InstancePage>;
  async list(filter: InstanceFilter, paging: InstanceListPaging, viewer?: Principal): Promise<InstancePage> {
    const byCursor = 'cursor' in paging;
    const count = paging.count ?? !byCursor;
    const { rows, total, last, more } = await this.instances.page(
      {
        definitionKey: filter.definitionKey,
        version: filter.version,
        status: filter.state,
        businessKey: filter.businessKey,
        hasIncident: filter.hasIncident,
        visibleTo: viewer,
      },
      byCursor ? { limit: paging.limit, after: decodeTimeIdCursor(paging.cursor), count } : { limit: paging.limit, offset: paging.offset, count },
    );
    return {
      items: rows.map(instanceViewOf),
      ...(total === undefined ? {} : { total }),
      ...(byCursor ? {} : { offset: paging.offset }),
      limit: paging.limit,
      nextCursor: more && last ? encodeTimeIdCursor(last) : null,
    };
  }

  /** Its active elements and the path it took, counted per element and flow (404 as `get`). */
  async pathOf(id: string, viewer?: Principal): Promise<InstancePathView> {
    const row = await this.instances.byId(id, viewer);
    if (!row) throw new NotFound(`process instance ${id} not found`);
    const passes = await this.history.pathOf(id);
    return {
      activeElementIds: uniqueElements(row.active_element_ids),
      elements: passes
        .filter((pass) => pass.entered > 0 || pass.left > 0)
        .map((pass) => ({ elementId: pass.element_id, entered: pass.entered, left: pass.left })),
      flows: passes.filter((pass) => pass.taken > 0).map((pass) => ({ flowId: pass.element_id, taken: pass.taken })),
    };
  }

  /** How many running instances of `key` version `version` that `viewer` sees wait at each element now; 404 for an unknown version. */
  async waiting(definitionKey: string, version: number, viewer?: Principal): Promise<WaitingInstancesView> {
    const rows = await this.instances.waitingAt(definitionKey, version, viewer);
    if (!rows) throw new NotFound(`process "${definitionKey}" has no version ${version}`);
    return { definitionKey, version, items: rows.map((row) => ({ elementId: row.element_id, instances: row.instances, incidents: row.incidents })) };
  }

  /** Per process version, the running instances `viewer` sees and how many of them have an open incident (versions with none left out). */
  async statistics(viewer?: Principal): Promise<ProcessDefinitionStatisticsList> {
    const rows = await this.instances.runningPerDefinition(viewer);
    return {
      items: rows.map((row) => ({
        id: row.definition_id,
        key: row.definition_key,
        version: row.definition_version,
        runningInstances: row.running,
        instancesWithIncident: row.with_incident,
      })),
    };
  }

  /** An admin's edit of instance variables through the command path (InstanceCommandsService.editVariables). */
  async editVariables(id: string, variables: Variables, principal: Principal): Promise<InstanceSnapshot> {
    await this.mustSee(id, principal);
    return this.commands.editVariables(id, variables, { userId: principal.userId, username: principal.username });
  }

  /** One instance; 404 when it does not exist or `viewer` (if given) does not see it. */
  async get(id: string, viewer?: Principal): Promise<InstanceDetailView> {
    const row = await this.instances.byId(id, viewer);
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

  async historyOf(id: string, viewer?: Principal): Promise<{ items: HistoryView[] }> {
    await this.mustSee(id, viewer);
    return { items: (await this.history.ofInstance(id)).map(historyViewOf) };
  }

  /** 404 unless the instance exists and `viewer` (if given) sees it. */
  async mustSee(id: string, viewer?: Principal): Promise<void> {
    if (!(await this.instances.exists(id, viewer))) throw new NotFound(`process instance ${id} not found`);
  }

  /** The parent link of an instance, when a call activity started it. */
  parentOf(id: string): Promise<{ parentInstanceId: string; callId: string } | undefined> {
    return this.instances.parentOf(id);
  }
}
