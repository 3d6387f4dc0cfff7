import { Module } from '@nestjs/common';
import { AssignmentService } from './assignment.service.js';

/** Who gets a new task: territory owner, round robin, least open tasks, skills, or the unsorted queue. */
@Module({ providers: [AssignmentService], exports: [AssignmentService] })
export class AssignmentModule {}
