import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TemplatesModule } from '../templates/templates.module.js';
import { DeploymentEntity } from './deployment.entity.js';
import { DeploymentsController } from './deployments.controller.js';
import { DeploymentsService } from './deployments.service.js';

/** Deployments: diagrams, rule sets, templates and plans checked together and versioned in one transaction. */
@Module({
  imports: [TypeOrmModule.forFeature([DeploymentEntity]), TemplatesModule],
  controllers: [DeploymentsController],
  providers: [DeploymentsService],
})
export class DeploymentsModule {}
