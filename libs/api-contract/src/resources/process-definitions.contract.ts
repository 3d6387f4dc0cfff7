// GET /api/v1/process-definitions (and /{id}, /{id}/diagram, /statistics, /message-names).
import { array, described, instant, integer, list, named, nullable, page, string, uuid, type ItemList, type PropertiesOf } from '../schemas/json-schema.js';

export interface ProcessDefinitionView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
  /** The username of who deployed it; null for the engine's own start-up deploy or a user no longer there. */
  deployedBy: string | null;
}

const processDefinitionProperties: PropertiesOf<ProcessDefinitionView> = {
  id: uuid,
  key: string,
  version: integer,
  name: nullable(string),
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
  deployedBy: described(nullable(string), "The deploying user's username; null for the engine's own start-up deploy or a user no longer there."),
};

export const processDefinitionSchema = named<ProcessDefinitionView>('process-definition', processDefinitionProperties);

export const processDefinitionPageSchema = page('process-definition-page', processDefinitionSchema);

/** One version with its BPMN XML as deployed, as JSON (GET /process-definitions/{id}/diagram): what the studio draws. */
export interface ProcessDefinitionDiagramView extends ProcessDefinitionView {
  xml: string;
}

export const processDefinitionDiagramSchema = named<ProcessDefinitionDiagramView>('process-definition-diagram', {
  ...processDefinitionProperties,
  xml: described(string, 'The BPMN 2.0 XML exactly as deployed.'),
});

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

/** GET /process-definitions/message-names: the messages the latest version of every process catches or throws, by name. */
export type MessageNameList = ItemList<string>;

export const messageNameListSchema = named<MessageNameList>('message-name-list', {
  items: array(string, { description: 'Message names, once each, sorted: what the modeler offers to pick.' }),
});
