// GET /api/v1/action-templates (and /{id}).
import { actionSchemas, actionTemplateSchema, type ActionType } from '@stageflow/process-package';
import { anyObject, described, instant, integer, named, nullable, stringEnum, page, string, uuid, type PropertiesOf } from '../schemas/json-schema.js';

export interface ActionTemplateSummaryView {
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

export interface ActionTemplateDetailView extends ActionTemplateSummaryView {
  /** The action template as deployed (docs/actions.md). */
  content: Record<string, unknown>;
}

const summaryProperties: PropertiesOf<ActionTemplateSummaryView> = {
  id: uuid,
  key: string,
  version: integer,
  name: nullable(string),
  actionType: stringEnum(Object.keys(actionSchemas)),
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
};

export const actionTemplateSummarySchema = named<ActionTemplateSummaryView>('action-template-summary', summaryProperties);

export const actionTemplateDetailSchema = named<ActionTemplateDetailView>('action-template', {
  ...summaryProperties,
  content: described(anyObject, `The action template as deployed (docs/actions.md; JSON Schema ${String(actionTemplateSchema.$id)}).`),
});

export const actionTemplatePageSchema = page('action-template-page', actionTemplateSummarySchema);
