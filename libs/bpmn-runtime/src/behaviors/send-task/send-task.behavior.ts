// Send task without stageflow:action: emits MessageThrown (for integrations, from the
// task's scope, so input mappings shape the payload) and completes at once. Send tasks with
// stageflow:action run action templates (issue 4) and are refused at deploy until then.
import { throwEvent } from '../../throw/throw-event.js';
import type { Behavior } from '../behavior.js';

export const sendTaskBehavior: Behavior = {
  enter(execution, token, node) {
    if (!execution.applyInputs(token, node)) return;
    if (!throwEvent(execution, token, node)) return;
    execution.completeActivity(token, node);
  },
};
