import { Module } from '@nestjs/common';
import { FormsController } from './forms.controller.js';
import { TaskFormVersions } from './task-form-versions.js';
import { TaskFormsRepository } from './task-forms.repository.js';

/** Deployed task forms (`<key>.form.json`, named by stageflow:formKey) and their versions. */
@Module({
  controllers: [FormsController],
  providers: [TaskFormsRepository, TaskFormVersions],
  exports: [TaskFormsRepository, TaskFormVersions],
})
export class FormsModule {}
