import { Module } from '@nestjs/common';
import { ActionTemplatesModule } from './action-templates/action-templates.module.js';
import { FormsModule } from './forms/forms.module.js';
import { ActionsModule } from './actions/actions.module.js';
import { AssignmentModule } from './assignment/assignment.module.js';
import { CallActivitiesModule } from './call-activities/call-activities.module.js';
import { ContactPlansModule } from './contact-plans/contact-plans.module.js';
import { DeploymentsModule } from './deployments/deployments.module.js';
import { ExecutionModule } from './execution/execution.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { PackagesModule } from './packages/packages.module.js';
import { PackageStoreModule } from './packages/package-store.module.js';
import { ProcessDefinitionsModule } from './process-definitions/process-definitions.module.js';
import { ProcessEngine } from './process-engine.js';
import { ProcessEventsModule } from './process-events/process-events.module.js';
import { ProcessPersonalData } from './personal-data/process-personal-data.js';
import { ProcessInstancesModule } from './process-instances/process-instances.module.js';
import { RuleSetsModule } from './rule-sets/rule-sets.module.js';
import { SignalsModule } from './signals/signals.module.js';
import { StageMovesModule } from './stage-moves/stage-moves.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { TerritoriesModule } from './territories/territories.module.js';
import { InstanceVisibilityModule } from './visibility/instance-visibility.module.js';

/** The process engine: its feature modules, and the ProcessEngine facade (with the custom-field port) as what it exports. */
@Module({
  imports: [
    ProcessDefinitionsModule,
    DeploymentsModule,
    RuleSetsModule,
    ActionTemplatesModule,
    FormsModule,
    AssignmentModule,
    TerritoriesModule,
    ExecutionModule,
    IncidentsModule,
    ProcessInstancesModule,
    CallActivitiesModule,
    TasksModule,
    MessagesModule,
    SignalsModule,
    ActionsModule,
    ContactPlansModule,
    ProcessEventsModule,
    StageMovesModule,
    InstanceVisibilityModule,
    PackagesModule,
    PackageStoreModule,
  ],
  providers: [ProcessEngine, ProcessPersonalData],
  // DeploymentsModule for CustomFieldSchemaStores, the port the CRM fills with its custom-field schemas;
  // ProcessPersonalData for the CRM's export and erasure of a person.
  exports: [ProcessEngine, DeploymentsModule, ProcessPersonalData],
})
export class ProcessModule {}
