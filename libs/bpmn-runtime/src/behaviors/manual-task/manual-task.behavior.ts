// Manual task (and the untyped bpmn:Task): work done outside the system; the token passes
// through, running the activity's input and output mappings.
import type { Behavior } from '../behavior.js';

export const manualTaskBehavior: Behavior = {
  enter(execution, token, node) {
    if (!execution.applyInputs(token, node)) return;
    execution.completeActivity(token, node);
  },
};
