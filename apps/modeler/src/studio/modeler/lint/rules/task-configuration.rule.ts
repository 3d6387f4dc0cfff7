// stageflow/task-configuration: what each kind of task needs before the engine deploys it,
// checked by the engine's own functions — a service task (or a send task with an action) names
// its action template, a business-rule task its rule set, a call activity the process it calls;
// a user task's attributes are literals the engine reads or FEEL that parses, its assignment a
// rule-set key; multi-instance has a collection and none of the standard BPMN forms.
import {
  checkActionKey,
  checkBusinessRuleTask,
  checkCalledElement,
  checkUserTaskAssignment,
  classifyFlowNode,
  compileMultiInstance,
  USER_TASK_ATTRIBUTES,
  userTaskAttributeProblem,
} from '@stageflow/bpmn-runtime';
import type { ModdleElement } from 'bpmn-moddle';
import type { StageflowRuleFactory } from '../lint-types';
import { flowNodeContext, reference, text } from '../moddle-element';

type NodeKind = NonNullable<ReturnType<typeof classifyFlowNode>>['kind'];

export const taskConfigurationRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    const context = flowNodeContext(element);
    // Elements the engine refuses outright are stageflow/executable-element's to report.
    const kind = context && classifyFlowNode(element, context, () => undefined)?.kind;
    if (!kind) return;
    // The engine's own reasons, interpolated as data: the deploy answers with the same text.
    for (const reason of problemsOf(element, kind)) reporter.report(element.id, { key: 'stageflow/task-configuration.refused', values: { reason } });
  },
});

function problemsOf(element: ModdleElement, kind: NodeKind): string[] {
  const problems: string[] = [];
  const check = (result: { ok: true } | { ok: false; message: string }) => {
    if (!result.ok) problems.push(result.message);
  };
  if (kind === 'serviceTask') check(checkActionKey(element));
  if (kind === 'businessRuleTask') check(checkBusinessRuleTask(element));
  if (kind === 'callActivity') check(checkCalledElement(element));
  if (kind === 'userTask') {
    for (const property of USER_TASK_ATTRIBUTES) {
      const value = text(element, property);
      const problem = value === undefined || value.trim() === '' ? undefined : userTaskAttributeProblem(property, value);
      if (problem) problems.push(problem);
    }
    check(checkUserTaskAssignment(element));
  }
  const loop = reference(element, 'loopCharacteristics');
  if (loop) {
    const compiled = compileMultiInstance(loop, kind === 'eventSubProcess' ? 'an event subprocess' : element.$type, kind);
    if (!compiled.ok) problems.push(...compiled.problems);
  }
  return problems;
}
