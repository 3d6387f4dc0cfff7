import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/task-configuration';
const around = (middle: string) =>
  bpmnProcess(`<bpmn:startEvent id="start"/>${middle}<bpmn:endEvent id="end"/>${flow('f1', 'start', 'x')}${flow('f2', 'x', 'end')}`);

describe(RULE, () => {
  it.each([
    ['a service task without an action template', '<bpmn:serviceTask id="x"/>', 'A service task needs stageflow:action'],
    ['a service task whose action is FEEL', '<bpmn:serviceTask id="x" stageflow:action="= kind"/>', 'must be an action-template key, not an expression'],
    ['a business-rule task without a rule set', '<bpmn:businessRuleTask id="x"/>', 'A business-rule task needs stageflow:ruleSet'],
    ['a call activity without a called process', '<bpmn:callActivity id="x"/>', 'A call activity needs calledElement'],
    ['a user task whose priority is no number', '<bpmn:userTask id="x" stageflow:priority="high"/>', 'stageflow:priority must be an integer'],
    ['a user task whose assignee is broken FEEL', '<bpmn:userTask id="x" stageflow:assignee="= owner +"/>', "stageflow:assignee: invalid FEEL '= owner +'"],
    ['a user task whose due date is no date', '<bpmn:userTask id="x" stageflow:dueDate="tomorrow"/>', 'stageflow:dueDate must be an ISO 8601'],
    [
      'a multi-instance task without a collection',
      '<bpmn:userTask id="x" stageflow:assignee="ann"><bpmn:multiInstanceLoopCharacteristics/></bpmn:userTask>',
      'stageflow:collection',
    ],
  ])('given %s, when linted, then it reports the engine’s reason on the task', async (_what, element, reason) => {
    expect(await lintXml(around(element), [RULE])).toEqual([expect.objectContaining({ id: 'x', category: 'error', message: expect.stringContaining(reason) })]);
  });

  it.each([
    ['a service task with its action template', '<bpmn:serviceTask id="x" stageflow:action="send-welcome"/>'],
    ['a business-rule task with its rule set', '<bpmn:businessRuleTask id="x" stageflow:ruleSet="lead-score"/>'],
    ['a call activity with its process', '<bpmn:callActivity id="x" calledElement="onboarding"/>'],
    [
      'a configured user task',
      '<bpmn:userTask id="x" stageflow:assignee="= owner" stageflow:priority="50" stageflow:dueDate="P3D" stageflow:assignment="lead-owner"/>',
    ],
    [
      'a multi-instance task over a collection',
      '<bpmn:userTask id="x" stageflow:assignee="= reviewer"><bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers" stageflow:elementVariable="reviewer"/></bpmn:userTask>',
    ],
    ['a script task (stageflow/executable-element reports it)', '<bpmn:scriptTask id="x"/>'],
  ])('given %s, when linted, then it is silent', async (_what, element) => {
    expect(await lintXml(around(element), [RULE])).toEqual([]);
  });
});
