import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { TasksController } from './tasks.controller.js';
import { TaskRecords } from './task-records.js';
import { TaskStagesService } from './task-stages.service.js';
import { TasksService } from './tasks.service.js';
import { UserTasksRepository } from './user-tasks.repository.js';

/** User tasks: the lists, claim, unclaim, assign and complete (a command on the task's instance). Owns `user_tasks` outside commands. */
@Module({
  imports: [ExecutionModule, ProcessInstancesModule, ProcessDefinitionsModule, IdentityModule, FormsModule],
  controllers: [TasksController],
  providers: [UserTasksRepository, TasksService, TaskRecords, TaskStagesService],
  exports: [TasksService, UserTasksRepository, TaskRecords],
})
export class TasksModule {}
