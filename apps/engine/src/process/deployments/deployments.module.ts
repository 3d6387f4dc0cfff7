import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ActionTemplatesModule } from '../action-templates/action-templates.module.js';
import { ContactPlansModule } from '../contact-plans/contact-plans.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { DeploymentsController } from './deployments.controller.js';
import { DeploymentsRepository } from './deployments.repository.js';
import { DeploymentsService } from './deployments.service.js';
import { CustomFieldSchemaStores } from './custom-field-resources.js';
import { RuleSetDeploymentListeners } from './rule-set-deployment-listeners.js';

/** Deployments: diagrams, rule sets, templates, plans, custom-field schemas and task forms checked together and versioned in one transaction. */
@Module({
  imports: [JobsModule, TemplatesModule, ProcessDefinitionsModule, RuleSetsModule, ActionTemplatesModule, ContactPlansModule, FormsModule],
  controllers: [DeploymentsController],
  providers: [DeploymentsRepository, DeploymentsService, CustomFieldSchemaStores, RuleSetDeploymentListeners],
  exports: [CustomFieldSchemaStores, RuleSetDeploymentListeners, DeploymentsService],
})
export class DeploymentsModule {}
