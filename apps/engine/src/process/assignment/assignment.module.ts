import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { TerritoriesModule } from '../territories/territories.module.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';

/** Who gets a new task: territory owner, round robin, least open tasks, skills, or the unsorted queue. */
@Module({ imports: [TerritoriesModule, IdentityModule], providers: [AssignmentRepository, AssignmentService], exports: [AssignmentService] })
export class AssignmentModule {}
