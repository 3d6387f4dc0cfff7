// GET /api/v1/process-definitions (and /{id}).
import { instant, integer, named, nullable, page, string, uuid } from '../schemas/json-schema.js';

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
