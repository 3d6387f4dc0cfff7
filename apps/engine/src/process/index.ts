// The only door into the process engine for code outside process/ (lint: .oxlintrc.json).
export { ProcessModule } from './process.module.js';
export { ProcessEngine } from './process-engine.js';
export { ENGINE_ACTOR, type Actor, type InstanceSnapshot } from './execution/instance-commands.service.js';
export type { PublishMessage, PublishOutcome } from './messages/messages.service.js';
export type { InstanceView } from './process-instances/process-instances.service.js';
export type { TaskView } from './tasks/tasks.service.js';
export type { ActionRunner, ActionRunContext, ActionOutcome } from './actions/action-runner.js';
export type { ProcessEventNotice, ProcessEventSubscriber, CommandEventName, StageMoveNotice } from './execution/process-event-subscribers.js';
export type { StageMoveRequest, StageMoveOutcome, StageMoveRefusal } from './stage-moves/stage-moves.service.js';
export type { ProcessEvent } from './process-events/process-events.js';
export type { Queryable } from '../platform/database/queryable.js';
export { CustomFieldSchemaStores, type CustomFieldSchemaStore } from './deployments/custom-field-resources.js';
export type { LatestVersion, VersionInsert } from './deployments/versioned-resources.js';
export { ProcessPersonalData, type PersonalDataInstance } from './personal-data/process-personal-data.js';
export type { RecordFactsPort } from './execution/record-facts.js';
export type { RecordVisibilityPort } from './visibility/instance-visibility.js';
export type { TerritoryPlacement } from './territories/territory-placements.js';
export type { FactRead } from './territories/territory-placement.js';
