// stageflow/condition-placement: conditions and default flows only where the engine executes
// them — on flows leaving exclusive and inclusive gateways; a condition is not empty and a default
// flow has none (compileBpmn's connectFlows refuses each of these).
import type { LintRuleFactory } from '../lint-types';
import { isA, isInExecutedProcess, reference, text } from '../moddle-element';

const CONDITIONAL_SOURCES = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

export const conditionPlacementRule: LintRuleFactory = () => ({
  check(element, reporter) {
    if (!isInExecutedProcess(element)) return;
    const conditional = (candidate: typeof element) => CONDITIONAL_SOURCES.some((type) => isA(candidate, type));
    if (element.$type === 'bpmn:SequenceFlow') {
      const condition = reference(element, 'conditionExpression');
      if (!condition) return;
      const body = text(condition, 'body')?.trim();
      if (!body) reporter.report(element.id, 'The condition expression is empty');
      const source = reference(element, 'sourceRef');
      if (body && source && !conditional(source)) {
        reporter.report(element.id, `Conditions are only supported on flows leaving exclusive or inclusive gateways ('${source.id}' is a ${source.$type})`);
      }
      if (body && source && reference(source, 'default') === element) reporter.report(element.id, 'A default flow must not have a condition');
      return;
    }
    if (reference(element, 'default') && isA(element, 'bpmn:FlowNode') && !conditional(element)) {
      reporter.report(element.id, `Default flows are only supported on exclusive and inclusive gateways, not on ${element.$type}`);
    }
  },
});
