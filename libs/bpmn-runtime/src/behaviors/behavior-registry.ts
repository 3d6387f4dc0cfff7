// The behavior of every node kind; a Record over NodeKind keeps it exhaustive at compile time.
import type { NodeKind } from '../model/process-graph.js';
import type { Behavior } from './behavior.js';
import { businessRuleTaskBehavior } from './business-rule-task/business-rule-task.behavior.js';
import { callActivityBehavior } from './call-activity/call-activity.behavior.js';
import { eventSubProcessStartBehavior } from './event-sub-process-start/event-sub-process-start.behavior.js';
import { eventSubProcessBehavior } from './event-sub-process/event-sub-process.behavior.js';
import { exclusiveGatewayBehavior } from './exclusive-gateway/exclusive-gateway.behavior.js';
import { inclusiveGatewayBehavior } from './inclusive-gateway/inclusive-gateway.behavior.js';
import { intermediateThrowEventBehavior } from './intermediate-throw-event/intermediate-throw-event.behavior.js';
import { manualTaskBehavior } from './manual-task/manual-task.behavior.js';
import { noneEndEventBehavior } from './none-end-event/none-end-event.behavior.js';
import { noneStartEventBehavior } from './none-start-event/none-start-event.behavior.js';
import { parallelGatewayBehavior } from './parallel-gateway/parallel-gateway.behavior.js';
import { subProcessBehavior } from './sub-process/sub-process.behavior.js';
import { terminateEndEventBehavior } from './terminate-end-event/terminate-end-event.behavior.js';
import { userTaskBehavior } from './user-task/user-task.behavior.js';
import { boundaryEventBehavior } from './boundary-event/boundary-event.behavior.js';
import { errorEndEventBehavior } from './error-end-event/error-end-event.behavior.js';
import { eventBasedGatewayBehavior } from './event-based-gateway/event-based-gateway.behavior.js';
import { eventEndEventBehavior } from './event-end-event/event-end-event.behavior.js';
import { eventStartEventBehavior } from './event-start-event/event-start-event.behavior.js';
import { eventThrowEventBehavior } from './event-throw-event/event-throw-event.behavior.js';
import { intermediateCatchEventBehavior } from './intermediate-catch-event/intermediate-catch-event.behavior.js';
import { receiveTaskBehavior } from './receive-task/receive-task.behavior.js';
import { sendTaskBehavior } from './send-task/send-task.behavior.js';
import { serviceTaskBehavior } from './service-task/service-task.behavior.js';

export const behaviors: Readonly<Record<NodeKind, Behavior>> = {
  noneStartEvent: noneStartEventBehavior,
  noneEndEvent: noneEndEventBehavior,
  terminateEndEvent: terminateEndEventBehavior,
  intermediateThrowEvent: intermediateThrowEventBehavior,
  userTask: userTaskBehavior,
  manualTask: manualTaskBehavior,
  businessRuleTask: businessRuleTaskBehavior,
  serviceTask: serviceTaskBehavior,
  exclusiveGateway: exclusiveGatewayBehavior,
  parallelGateway: parallelGatewayBehavior,
  inclusiveGateway: inclusiveGatewayBehavior,
  subProcess: subProcessBehavior,
  callActivity: callActivityBehavior,
  eventSubProcess: eventSubProcessBehavior,
  eventSubProcessStart: eventSubProcessStartBehavior,
  eventStartEvent: eventStartEventBehavior,
  intermediateCatchEvent: intermediateCatchEventBehavior,
  eventThrowEvent: eventThrowEventBehavior,
  eventEndEvent: eventEndEventBehavior,
  errorEndEvent: errorEndEventBehavior,
  receiveTask: receiveTaskBehavior,
  sendTask: sendTaskBehavior,
  boundaryEvent: boundaryEventBehavior,
  eventBasedGateway: eventBasedGatewayBehavior,
};
