// GET /api/v1/process-definitions (and /{id}, /statistics).
import { described, instant, integer, list, named, nullable, page, string, uuid, type ItemList } from '../schemas/json-schema.js';

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

export const processDefinitionSchema = named<ProcessDefinitionView>('process-definition', {
  id: uuid,
  key: string,
  version: integer,
  name: nullable(string),
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
});

export const processDefinitionPageSchema = page('process-definition-page', processDefinitionSchema);

/** A process version's running instances now (of those the caller sees): GET /process-definitions/statistics. */
export interface ProcessDefinitionStatisticsView {
  /** The process definition (version) id. */
  id: string;
  key: string;
  version: number;
  /** Instances of this version not ended (`active` or `incident`). */
  runningInstances: number;
  /** Of those, the ones with an open incident (an interpreter's or a job's). */
  instancesWithIncident: number;
}

export type ProcessDefinitionStatisticsList = ItemList<ProcessDefinitionStatisticsView>;

export const processDefinitionStatisticsSchema = named<ProcessDefinitionStatisticsView>('process-definition-statistics', {
  id: uuid,
  key: string,
  version: integer,
  runningInstances: described(integer, 'Instances of this version not ended (active or incident).'),
  instancesWithIncident: described(integer, "Of those, the ones with an open incident (an interpreter's or a job's)."),
});
export const processDefinitionStatisticsListSchema = list('process-definition-statistics-list', processDefinitionStatisticsSchema);
