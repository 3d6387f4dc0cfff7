// POST /api/v1/templates/preview: liquid rendered by the engine on sample data — a text, an action
// (an action template's, or a step's) or a whole contact plan, as the engine would render it when
// it runs, with the deployed templates it may include. Nothing is stored or sent.
import { anyObject, array, described, named, object, optional, string } from '../schemas/json-schema.js';

export interface TemplatePreviewRequest {
  /** A liquid text (a field, or a `.liquid` template being edited). */
  template?: string;
  /** An action (docs/actions.md) whose template fields are rendered. */
  action?: Record<string, unknown>;
  /** A contact-plan document whose steps' actions are rendered. */
  contactPlan?: Record<string, unknown>;
  /** The variables the templates see (default: none). */
  data?: Record<string, unknown>;
}

export interface PreviewedStepView {
  id: string;
  offset: string;
  action: Record<string, unknown>;
}

export interface TemplatePreviewView {
  /** For `template`: the rendered text. */
  text?: string;
  /** For `action`: the action with every template field rendered (a sendEmail's `template` rendered into `body`). */
  action?: Record<string, unknown>;
  /** For `contactPlan`: every step with its action rendered. */
  steps?: PreviewedStepView[];
}

export const templatePreviewRequestSchema = named<TemplatePreviewRequest>(
  'template-preview-request',
  {
    template: optional(described(string, 'A liquid text: a field, or a .liquid template being edited.')),
    action: optional(described(anyObject, 'An action (docs/actions.md) whose template fields are rendered.')),
    contactPlan: optional(described(anyObject, "A contact-plan document whose steps' actions are rendered.")),
    data: optional(described(anyObject, 'The variables the templates see (default: none).')),
  },
  { description: 'Exactly one of template, action and contactPlan, with the sample data.' },
);

export const templatePreviewSchema = named<TemplatePreviewView>('template-preview', {
  text: optional(described(string, 'For template: the rendered text.')),
  action: optional(described(anyObject, 'For action: the action with every template field rendered.')),
  steps: optional(
    array(object<PreviewedStepView>({ id: string, offset: string, action: anyObject }), {
      description: 'For contactPlan: every step with its action rendered.',
    }),
  ),
});
