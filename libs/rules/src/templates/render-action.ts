// Renders an action's templates over the variables a task sees, before a runner runs it: every
// text field, every string inside setVariables / startProcess `variables` (so a rendered value
// is a string), each of a sendEmail's `attachments`, and the deployed `template` of a sendEmail
// into its `body` and of a createDocument into its `content`. The first field that
// fails to render is named, so the incident says which.
import type { JsonObject, RuleAction } from '@stageflow/process-package';
import { actionTextFields, mapJsonStrings } from './action-text-fields.js';
import type { TemplateRenderer } from './template-renderer.js';

export type ActionRender = { ok: true; action: RuleAction } | { ok: false; field: string; message: string };

class FieldRenderError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function renderAction(action: RuleAction, renderer: TemplateRenderer, variables: JsonObject): ActionRender {
  const text = (source: string, field: string): string => {
    const rendered = renderer.render(source, variables);
    if (!rendered.ok) throw new FieldRenderError(field, rendered.message);
    return rendered.text;
  };
  try {
    const copy = { ...action } as Record<string, unknown>;
    for (const field of actionTextFields[action.type] as readonly string[]) {
      const source = copy[field];
      if (typeof source === 'string') copy[field] = text(source, field);
    }
    if ((action.type === 'setVariables' || action.type === 'startProcess') && action.variables !== undefined) {
      copy.variables = mapJsonStrings(action.variables, 'variables', text);
    }
    if (action.type === 'setRecordFields' || action.type === 'createRecord') copy.fields = mapJsonStrings(action.fields, 'fields', text);
    if (action.type === 'sendEmail' && action.template !== undefined) {
      const body = renderer.renderNamed(action.template, variables);
      if (!body.ok) throw new FieldRenderError('template', body.message);
      copy.body = body.text;
      delete copy.template;
    }
    if (action.type === 'sendEmail' && action.attachments !== undefined)
      copy.attachments = action.attachments.map((item, index) => text(item, `attachments[${index}]`));
    if (action.type === 'createDocument') {
      const content = renderer.renderNamed(action.template, variables);
      if (!content.ok) throw new FieldRenderError('template', content.message);
      copy.content = content.text;
    }
    return { ok: true, action: copy as unknown as RuleAction };
  } catch (error) {
    if (error instanceof FieldRenderError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
