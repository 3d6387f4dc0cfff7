// stageflow/condition-placement: conditions and default flows only where the engine executes
// them — on flows leaving exclusive and inclusive gateways; a condition is not empty and a default
// flow has none (compileBpmn's connectFlows refuses each of these).
import type { StageflowRuleFactory } from '../lint-types';
import { elementLabel, isA, isInExecutedProcess, reference, text, typeName } from '../moddle-element';

const CONDITIONAL_SOURCES = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

export const conditionPlacementRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    if (!isInExecutedProcess(element)) return;
    const conditional = (candidate: typeof element) => CONDITIONAL_SOURCES.some((type) => isA(candidate, type));
    if (element.$type === 'bpmn:SequenceFlow') {
      const condition = reference(element, 'conditionExpression');
      if (!condition) return;
      const body = text(condition, 'body')?.trim();
      if (!body) reporter.report(element.id, { key: 'stageflow/condition-placement.empty', values: { flow: elementLabel(element) } });
      const source = reference(element, 'sourceRef');
      if (body && source && !conditional(source)) {
        reporter.report(element.id, {
          key: 'stageflow/condition-placement.notFromGateway',
          values: { source: elementLabel(source), type: typeName(source) },
        });
      }
      if (body && source && reference(source, 'default') === element) {
        reporter.report(element.id, { key: 'stageflow/condition-placement.defaultWithCondition', values: { flow: elementLabel(element) } });
      }
      return;
    }
    if (reference(element, 'default') && isA(element, 'bpmn:FlowNode') && !conditional(element)) {
      reporter.report(element.id, {
        key: 'stageflow/condition-placement.defaultNotOnGateway',
        values: { element: elementLabel(element), type: typeName(element) },
      });
    }
  },
});
