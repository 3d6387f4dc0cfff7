import { bpmnProcess } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/executable-process';

describe(RULE, () => {
  it('given a diagram whose only process is not executable (as bpmn-js draws a new one), when linted, then it reports on the process', async () => {
    const xml = bpmnProcess('<bpmn:startEvent id="start"/>', 'lead', 'isExecutable="false"');
    expect(await lintXml(xml, [RULE])).toEqual([
      expect.objectContaining({ id: 'lead', category: 'error', message: 'The diagram has no executable process (mark one isExecutable="true")' }),
    ]);
  });

  it('given a diagram with no process, when linted, then it reports on the definitions', async () => {
    const xml = bpmnProcess('').replace(/<bpmn:process[\s\S]*<\/bpmn:process>/, '');
    expect(await lintXml(xml, [RULE])).toEqual([expect.objectContaining({ id: 'defs', message: 'The diagram contains no process' })]);
  });

  it.each([
    ['marked executable', 'isExecutable="true"'],
    ['without the attribute', ''],
  ])('given a process %s, when linted, then it is silent', async (_what, attributes) => {
    expect(await lintXml(bpmnProcess('<bpmn:startEvent id="start"/>', 'lead', attributes), [RULE])).toEqual([]);
  });
});
