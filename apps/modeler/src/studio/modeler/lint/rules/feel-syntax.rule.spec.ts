import { bpmnProcess, compileBpmn, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/feel-syntax';
const gateway = (condition: string) =>
  bpmnProcess(
    `<bpmn:startEvent id="start"/><bpmn:exclusiveGateway id="g" default="f2"/><bpmn:endEvent id="a"/><bpmn:endEvent id="b"/>
     ${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a', condition)}${flow('f2', 'g', 'b')}`,
  );
const withMapping = (source: string) =>
  bpmnProcess(
    `<bpmn:startEvent id="start"/><bpmn:userTask id="task" stageflow:assignee="ann"><bpmn:extensionElements><stageflow:ioMapping>
       <stageflow:output source="${source}" target="outcome"/></stageflow:ioMapping></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="end"/>
     ${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}`,
  );

describe(RULE, () => {
  it('given a condition that does not parse as FEEL, when linted, then it reports on the flow what the engine refuses it with', async () => {
    const xml = gateway('= budget >');
    const findings = await lintXml(xml, [RULE]);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'f1', category: 'error', message: expect.stringContaining("Invalid FEEL condition '= budget >'") }),
    ]);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.problems).toContainEqual({ elementId: 'f1', message: findings[0]!.message });
  });

  it('given an output mapping whose source does not parse, when linted, then it reports on the activity', async () => {
    const findings = await lintXml(withMapping('= result.'), [RULE]);
    expect(findings).toEqual([expect.objectContaining({ id: 'task', message: expect.stringContaining("stageflow:output 'outcome': invalid FEEL") })]);
  });

  it('given a message whose correlation key does not parse, when linted, then it reports on the message', async () => {
    const xml = gateway('= budget > 10').replace(
      '</bpmn:definitions>',
      '<bpmn:message id="m1" name="reply" stageflow:correlationKey="= lead."/></bpmn:definitions>',
    );
    expect(await lintXml(xml, [RULE])).toEqual([
      expect.objectContaining({ id: 'm1', message: expect.stringContaining('stageflow:correlationKey: invalid FEEL') }),
    ]);
  });

  it.each([
    ['a condition', gateway('= lead.budget >= params.minimumBudget and contains(lead.source, "web")')],
    ['a condition without its leading =', gateway('budget > 10')],
    ['a mapping', withMapping('= result.outcome')],
    ['a literal mapping', withMapping('done')],
  ])('given %s that parses, when linted, then it is silent', async (_what, xml) => {
    expect(await lintXml(xml, [RULE])).toEqual([]);
  });
});
