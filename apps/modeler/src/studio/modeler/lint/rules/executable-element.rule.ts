// stageflow/executable-element: every flow node is one the engine executes exactly as drawn —
// the engine's own classifier (classifyFlowNode) decides, so the modeler refuses what a deploy
// would refuse, in the same words: unsupported element types and event definitions, standard
// loops, compensation, a timer without exactly one valid definition, a message or receive task
// without a named message, a signal without a name, an error end event without a code.
import { classifyFlowNode } from '@stageflow/bpmn-runtime';
import type { LintRuleFactory } from '../lint-types';
import { flowNodeContext } from '../moddle-element';

export const executableElementRule: LintRuleFactory = () => ({
  check(element, reporter) {
    const context = flowNodeContext(element);
    if (!context) return;
    classifyFlowNode(element, context, (message) => {
      reporter.report(element.id, message);
      return undefined;
    });
  },
});
