import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TASK_STAGE_MAX_LENGTH, validateCompleteTaskRequest, type CompleteTaskRequest, type TaskStageListView } from '@stageflow/api-contract';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { bodyObject, isUuid, parsePaging, queryEnum, queryString, requiredString, type JsonObject, type Page } from '../../platform/http/input.js';
import type { InstanceSnapshot } from '../execution/instance-commands.service.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { TaskStagesService } from './task-stages.service.js';
import { TasksService, type TaskDetail, type TaskView } from './tasks.service.js';

const STATES = ['created', 'completed', 'cancelled'] as const;
const QUEUES = ['unsorted'] as const;
const SORTS = ['-createdAt', 'due'] as const;
const RECORD_TYPES = ['organization', 'contact', 'lead', 'opportunity', 'activity'] as const;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function queryInstant(query: JsonObject, key: string): Date | undefined {
  const value = queryString(query, key);
  if (value === undefined) return undefined;
  const at = INSTANT.test(value) ? new Date(value) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) throw Invalid.field(key, 'must be an ISO 8601 instant with its offset (2026-12-07T18:00:00Z)');
  return at;
}

/** A stage name as diagrams write it: given once, not blank, at most TASK_STAGE_MAX_LENGTH characters. */
function queryStage(query: JsonObject): string | undefined {
  if (query.stage === '') throw Invalid.field('stage', 'must not be empty (leave it out for every stage)');
  const stage = queryString(query, 'stage');
  if (stage === undefined) return undefined;
  if (stage.trim() === '' || stage.length > TASK_STAGE_MAX_LENGTH)
    throw Invalid.field('stage', `must be a stage name of 1 to ${TASK_STAGE_MAX_LENGTH} characters`);
  return stage;
}

function taskId(id: string): string {
  if (!isUuid(id)) throw new NotFound(`task ${id} not found`);
  return id;
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly stages: TaskStagesService,
  ) {}

  /**
   * Tasks the caller may see; a seller sees those assigned to them or offered to their groups.
   * `queue=unsorted` (managers, admins): open tasks no assignment strategy could give anyone.
   * `sort=due`: soonest due first (none last), then the highest priority — the seller's work list;
   * `dueBefore=` an instant; `recordType=` tasks about a lead, an opportunity, …; `processKey=` of one process;
   * `stage=` tasks whose element belongs to that stage (`stageflow:stage`, GET /tasks/stages lists them).
   */
  @Get()
  @ApiQuery({
    name: 'stage',
    required: false,
    description: 'Only tasks whose element belongs to this stage (`stageflow:stage`); `GET /tasks/stages` lists them.',
  })
  @ApiResult(200, 'TaskPage', [400, 401, 403])
  list(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<Page<TaskView>> {
    const processInstanceId = queryString(query, 'processInstanceId');
    if (processInstanceId !== undefined && !isUuid(processInstanceId)) throw Invalid.field('processInstanceId', 'must be a UUID');
    return this.tasks.list(
      principal,
      {
        assignee: queryString(query, 'assignee'),
        candidateGroup: queryString(query, 'candidateGroup'),
        processInstanceId,
        state: queryEnum(query, 'state', STATES),
        queue: queryEnum(query, 'queue', QUEUES),
        dueBefore: queryInstant(query, 'dueBefore'),
        recordType: queryEnum(query, 'recordType', RECORD_TYPES),
        processKey: queryString(query, 'processKey'),
        stage: queryStage(query),
      },
      parsePaging(query),
      queryEnum(query, 'sort', SORTS) === 'due' ? 'due' : 'created',
    );
  }

  /** The stages `GET /tasks?stage=` filters by: per process, those its latest version names. Any user. */
  @Get('stages')
  @ApiResult(200, 'TaskStageList', [401])
  stageList(): Promise<TaskStageListView> {
    return this.stages.list();
  }

  /** One task, with its form (stageflow:formKey) for the web app to render. */
  @Get(':id')
  @ApiResult(200, 'TaskDetail', [401, 404])
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TaskDetail> {
    return this.tasks.detail(principal, taskId(id));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiResult(200, 'Task', [401, 403, 404, 409])
  claim(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TaskView> {
    return this.tasks.claim(principal, taskId(id));
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiResult(200, 'Task', [401, 403, 404, 409])
  unclaim(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TaskView> {
    return this.tasks.unclaim(principal, taskId(id));
  }

  /** A manager gives the task to a user (e.g. from the unsorted queue); 409 when it is no longer open. */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles('admin', 'manager')
  @ApiJsonBody('AssignTaskRequest')
  @ApiResult(200, 'Task', [400, 401, 403, 404, 409])
  assign(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<TaskView> {
    const task = taskId(id);
    return this.tasks.assign(principal, task, requiredString(bodyObject(body), 'assignee', 'assignee', 100));
  }

  /** Completes the task with optional variables; 409 when it is already completed. */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiJsonBody('CompleteTaskRequest')
  @ApiResult(200, 'CompletedTask', [400, 401, 403, 404, 409])
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TaskView & { processInstance: InstanceSnapshot }> {
    const request = body ?? {};
    const issues = validateCompleteTaskRequest(request);
    if (issues.length > 0) throw Invalid.body(issues);
    return this.tasks.complete(principal, taskId(id), (request as CompleteTaskRequest).variables);
  }
}
