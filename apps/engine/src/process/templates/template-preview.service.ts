// The liquid preview of the studio: a text, an action or a contact plan rendered on sample data
// by the same sandboxed renderer, with the same deployed templates, as when it runs — so what an
// analyst sees is what a lead will get, and no template is ever rendered in the browser.
// Input is checked as a deploy checks it (each problem naming its field); a template that parses
// but fails on this data (a render limit, an include by a variable naming no template) is a 422
// naming the field, like the incident it would raise.
import { Injectable } from '@nestjs/common';
import type { TemplatePreviewView } from '@stageflow/api-contract';
import { validateActionTemplate, validateContactPlan, type ContactPlan, type JsonObject, type RuleAction } from '@stageflow/process-package';
import { checkActionTemplate, renderAction, type TemplateRenderer } from '@stageflow/rules';
import { Invalid, InvalidDefinition } from '../../platform/errors/domain-errors.js';
import { LiquidTemplates } from './liquid-templates.js';

export type TemplatePreviewInput = { template: string } | { action: unknown } | { contactPlan: unknown };

@Injectable()
export class TemplatePreview {
  constructor(private readonly templates: LiquidTemplates) {}

  async preview(input: TemplatePreviewInput, data: JsonObject): Promise<TemplatePreviewView> {
    const renderer = await this.templates.renderer();
    if ('template' in input) return { text: this.text(input.template, renderer, data) };
    if ('action' in input) return { action: await this.action(input.action, 'action', renderer, data) };
    const plan = await this.checkedPlan(input.contactPlan);
    const steps = [];
    for (const [index, step] of plan.steps.entries()) {
      steps.push({ id: step.id, offset: step.offset, action: this.rendered(step.action, `contactPlan.steps[${index}].action`, renderer, data) });
    }
    return { steps };
  }

  private text(source: string, renderer: TemplateRenderer, data: JsonObject): string {
    const problem = renderer.check(source);
    if (problem !== undefined) throw Invalid.field('template', `is not a valid template: ${problem}`);
    const rendered = renderer.render(source, data);
    if (!rendered.ok) throw cannotRender('template', rendered.message);
    return rendered.text;
  }

  private async action(action: unknown, path: string, renderer: TemplateRenderer, data: JsonObject): Promise<Record<string, unknown>> {
    const issues = validateActionTemplate({ key: 'preview', name: 'preview', action });
    if (issues.length > 0) throw Invalid.body(issues);
    const checked = checkActionTemplate(action as RuleAction, path, await this.templates.latest());
    if (checked.length > 0) throw Invalid.body(checked);
    return this.rendered(action as RuleAction, path, renderer, data);
  }

  private async checkedPlan(value: unknown): Promise<ContactPlan> {
    const issues = validateContactPlan(value).map((issue) => ({ ...issue, path: issue.path === '' ? 'contactPlan' : `contactPlan.${issue.path}` }));
    if (issues.length > 0) throw Invalid.body(issues);
    const plan = value as ContactPlan;
    const deployed = await this.templates.latest();
    const checked = plan.steps.flatMap((step, index) => checkActionTemplate(step.action, `contactPlan.steps[${index}].action`, deployed));
    if (checked.length > 0) throw Invalid.body(checked);
    return plan;
  }

  private rendered(action: RuleAction, path: string, renderer: TemplateRenderer, data: JsonObject): Record<string, unknown> {
    const rendered = renderAction(action, renderer, data);
    if (!rendered.ok) throw cannotRender(`${path}.${rendered.field}`, rendered.message);
    return rendered.action as unknown as Record<string, unknown>;
  }
}

function cannotRender(path: string, message: string): InvalidDefinition {
  return new InvalidDefinition(`${path} cannot be rendered on this data: ${message}`, [{ path, message }]);
}
