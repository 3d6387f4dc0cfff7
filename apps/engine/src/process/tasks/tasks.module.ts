import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecutionModule } from '../execution/execution.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';
import { UserTaskEntity } from './user-task.entity.js';

/** User tasks: the lists, claim, unclaim, assign and complete (a command on the task's instance). */
@Module({
  imports: [TypeOrmModule.forFeature([UserTaskEntity]), ExecutionModule, ProcessInstancesModule],
  controllers: [TasksController],
  providers: [TasksService],
  exports: [TasksService],
})
export class TasksModule {}
