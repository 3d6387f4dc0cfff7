// stageflow/executable-element: every flow node is one the engine executes exactly as drawn —
// the engine's own classifier (classifyFlowNode) decides, so the modeler refuses what a deploy
// would refuse, in the same words (the engine's reason, interpolated as data): unsupported element types and event definitions, standard
// loops, compensation, a timer without exactly one valid definition, a message or receive task
// without a named message, a signal without a name, an error end event without a code.
import { classifyFlowNode } from '@stageflow/bpmn-runtime';
import type { StageflowRuleFactory } from '../lint-types';
import { flowNodeContext } from '../moddle-element';

export const executableElementRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    const context = flowNodeContext(element);
    if (!context) return;
    classifyFlowNode(element, context, (message) => {
      reporter.report(element.id, { key: 'stageflow/executable-element.refused', values: { reason: message } });
      return undefined;
    });
  },
});
