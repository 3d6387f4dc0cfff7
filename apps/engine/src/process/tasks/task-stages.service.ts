// GET /tasks/stages: the stages the task list can be filtered by (`GET /tasks?stage=`) — those the
// latest version of every deployed process names (`stageflow:stage`), per process, sorted by name:
// the stored graph (jsonb) keeps no order of its elements, and a diagram's flow has none to give
// where paths split. Any user reads them: stage names are the processes' vocabulary, like their names and keys,
// which `GET /process-definitions` already shows everyone.
import { Injectable } from '@nestjs/common';
import { stageElements } from '@stageflow/bpmn-runtime';
import type { TaskStageListView } from '@stageflow/api-contract';
import { ProcessDefinitionsRepository } from '../process-definitions/process-definitions.repository.js';
import { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';

/** More processes than any installation deploys; the list is one page. */
const MAX_PROCESSES = 500;

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

@Injectable()
export class TaskStagesService {
  constructor(
    private readonly definitionRows: ProcessDefinitionsRepository,
    private readonly definitions: ProcessDefinitionsService,
  ) {}

  /** The processes whose latest version has stages, by key, each with its stages once, sorted. */
  async list(): Promise<TaskStageListView> {
    const { rows } = await this.definitionRows.page({ latest: true }, { offset: 0, limit: MAX_PROCESSES });
    const items = await Promise.all(
      rows.map(async (row) => {
        const stages = new Set(Object.values(stageElements(await this.definitions.graph(row.id))).map((element) => element.stage));
        return { processKey: row.key, processName: row.name, stages: [...stages].sort(byName) };
      }),
    );
    return { items: items.filter((item) => item.stages.length > 0) };
  }
}
