import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/user-task-performer';
const around = (task: string) =>
  bpmnProcess(`<bpmn:startEvent id="start"/>${task}<bpmn:endEvent id="end"/>${flow('f1', 'start', 'x')}${flow('f2', 'x', 'end')}`);

describe(RULE, () => {
  it.each([
    ['no attribute', '<bpmn:userTask id="x"/>'],
    ['only blank attributes', '<bpmn:userTask id="x" stageflow:assignee=" " stageflow:candidateGroups=""/>'],
  ])('given a user task with %s, when linted, then it warns that nobody is named', async (_what, task) => {
    expect(await lintXml(around(task), [RULE])).toEqual([
      expect.objectContaining({ id: 'x', category: 'warn', message: expect.stringContaining('Nobody is named to do ‘x’') }),
    ]);
  });

  it.each([
    ['an assignee', 'stageflow:assignee="= owner"'],
    ['candidate groups', 'stageflow:candidateGroups="sales"'],
    ['an assignment rule set', 'stageflow:assignment="lead-owner"'],
  ])('given a user task with %s, when linted, then it is silent', async (_what, attribute) => {
    expect(await lintXml(around(`<bpmn:userTask id="x" ${attribute}/>`), [RULE])).toEqual([]);
  });
});
