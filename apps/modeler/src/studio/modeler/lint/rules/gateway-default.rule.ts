// stageflow/gateway-default: an exclusive or inclusive gateway whose outgoing flows all carry
// conditions has a default flow. Without one the engine deploys it, but an instance in which no
// condition is true stops at the gateway with an incident (exclusive-gateway.behavior.ts) — a
// warning. A flow without a condition is always taken, so a gateway with one cannot get stuck.
import type { StageflowRuleFactory } from '../lint-types';
import { elementLabel, isA, isInExecutedProcess, list, reference } from '../moddle-element';

export const gatewayDefaultRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    if (!(isA(element, 'bpmn:ExclusiveGateway') || isA(element, 'bpmn:InclusiveGateway')) || !isInExecutedProcess(element)) return;
    const outgoing = list(element, 'outgoing');
    if (outgoing.length === 0 || reference(element, 'default')) return;
    if (outgoing.every((flow) => reference(flow, 'conditionExpression'))) {
      reporter.report(element.id, { key: 'stageflow/gateway-default.noDefault', values: { gateway: elementLabel(element) } });
    }
  },
});
