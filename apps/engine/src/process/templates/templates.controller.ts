import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TemplatePreviewView } from '@stageflow/api-contract';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import { bodyObject, optionalVariables } from '../../platform/http/input.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { TemplatePreview, type TemplatePreviewInput } from './template-preview.service.js';

const subjects = ['template', 'action', 'contactPlan'] as const;

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly previews: TemplatePreview) {}

  /**
   * Renders a liquid text, an action or a contact plan's steps on sample `data` with the deployed
   * templates, as the engine renders them when they run; nothing is stored or sent. 400 names the
   * invalid field, 422 the field that cannot be rendered on this data.
   */
  @Post('preview')
  @HttpCode(200)
  @Roles('admin', 'analyst', 'integrator')
  @ApiJsonBody('TemplatePreviewRequest')
  @ApiResult(200, 'TemplatePreview', [400, 401, 403, 422])
  preview(@Body() body: unknown): Promise<TemplatePreviewView> {
    const input = bodyObject(body);
    for (const name of Object.keys(input)) {
      if (name !== 'data' && !(subjects as readonly string[]).includes(name))
        throw Invalid.field(name, 'is not a known property (template, action, contactPlan, data)');
    }
    const given = subjects.filter((name) => input[name] !== undefined);
    if (given.length !== 1) throw Invalid.field(given[1] ?? 'template', 'exactly one of template, action and contactPlan is required');
    const data = optionalVariables(input, 'data') ?? {};
    return this.previews.preview(this.subject(input, given[0]!), data);
  }

  private subject(input: Record<string, unknown>, name: (typeof subjects)[number]): TemplatePreviewInput {
    const value = input[name];
    if (name === 'template') {
      if (typeof value !== 'string') throw Invalid.field('template', 'must be a liquid text');
      return { template: value };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw Invalid.field(name, 'must be a JSON object');
    return name === 'action' ? { action: value } : { contactPlan: value };
  }
}
