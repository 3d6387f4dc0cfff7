import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  validateCompleteTaskRequest,
  type CompleteTaskRequest,
  type ItemList,
  type TaskFormSummaryView,
  type TaskFormValidationView,
  type TaskFormView,
} from '@stageflow/api-contract';
import { Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { TaskFormsRepository } from './task-forms.repository.js';
import { taskFormSummaryOf, taskFormViewOf } from './task-form.row.js';
import { TaskFormVersions } from './task-form-versions.js';

@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(
    private readonly forms: TaskFormsRepository,
    private readonly versions: TaskFormVersions,
  ) {}

  /** The latest version of every task form, by key, without the schemas (the modeler's form picker). */
  @Get()
  @ApiResult(200, 'TaskFormList', [401])
  async list(): Promise<ItemList<TaskFormSummaryView>> {
    return { items: (await this.forms.latestOfEachKey()).map(taskFormSummaryOf) };
  }

  /** The latest version of a task form (`<key>.form.json`) with its JSON Schema, for the web app to render. */
  @Get(':key')
  @ApiResult(200, 'TaskForm', [401, 404])
  async get(@Param('key') key: string): Promise<TaskFormView> {
    const row = await this.forms.latest(key);
    if (!row) throw new NotFound(`form ${key} not found`);
    return taskFormViewOf(row);
  }

  /**
   * Checks `{variables}` against the latest version of the form as POST /tasks/{id}/complete does,
   * and changes nothing: the web app's task form checks as the seller types (the browser compiles
   * no JSON Schema: ajv generates code, which the CSP's script-src 'self' forbids).
   */
  @Post(':key/validate')
  @HttpCode(200)
  @ApiJsonBody('CompleteTaskRequest')
  @ApiResult(200, 'TaskFormValidation', [400, 401, 404])
  async validate(@Param('key') key: string, @Body() body: unknown): Promise<TaskFormValidationView> {
    const request = body ?? {};
    const issues = validateCompleteTaskRequest(request);
    if (issues.length > 0) throw Invalid.body(issues);
    const form = await this.versions.latest(key);
    if (!form) throw new NotFound(`form ${key} not found`);
    return { issues: form.check((request as CompleteTaskRequest).variables ?? {}) };
  }
}
