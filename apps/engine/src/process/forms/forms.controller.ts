import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ItemList, TaskFormSummaryView, TaskFormView } from '@stageflow/api-contract';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { TaskFormsRepository } from './task-forms.repository.js';
import { taskFormSummaryOf, taskFormViewOf } from './task-form.row.js';

@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(private readonly forms: TaskFormsRepository) {}

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
}
