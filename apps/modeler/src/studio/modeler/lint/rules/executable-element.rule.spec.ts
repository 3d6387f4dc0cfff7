import { bpmnProcess, compileBpmn, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/executable-element';
const around = (middle: string) =>
  bpmnProcess(`<bpmn:startEvent id="start"/>${middle}<bpmn:endEvent id="end"/>${flow('f1', 'start', 'x')}${flow('f2', 'x', 'end')}`);
const messages = `<bpmn:message id="m1" name="lead-replied"/><bpmn:message id="m0"/>`;
const withMessages = (xml: string) => xml.replace('</bpmn:definitions>', `${messages}</bpmn:definitions>`);

describe(RULE, () => {
  it.each([
    ['a script task', '<bpmn:scriptTask id="x"/>', 'bpmn:ScriptTask is not supported'],
    ['a complex gateway', '<bpmn:complexGateway id="x"/>', 'bpmn:ComplexGateway is not supported'],
    ['a standard loop', '<bpmn:task id="x"><bpmn:standardLoopCharacteristics/></bpmn:task>', 'standard loops are not supported'],
    [
      'a timer without a definition',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>',
      'a timer event needs exactly one of',
    ],
    [
      'a timer whose duration does not parse',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>two hours</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      'Invalid timer',
    ],
    [
      'a message event without a message',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>',
      'a message event needs a messageRef',
    ],
    [
      'a message event whose message has no name',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition messageRef="m0"/></bpmn:intermediateCatchEvent>',
      "bpmn:message 'm0' needs a name",
    ],
    ['a send task with neither action nor message', '<bpmn:sendTask id="x"/>', 'a send task without stageflow:action needs a messageRef'],
    [
      'a conditional event',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition/></bpmn:intermediateCatchEvent>',
      'conditional events are not supported',
    ],
  ])('given %s, when linted, then it reports the engine’s reason on the element, and the engine refuses the diagram for it', async (_what, element, reason) => {
    const xml = withMessages(around(element));
    const findings = await lintXml(xml, [RULE]);
    expect(findings).toEqual([expect.objectContaining({ rule: RULE, id: 'x', category: 'error', message: expect.stringContaining(reason) })]);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.problems).toContainEqual({ elementId: 'x', message: findings[0]!.message });
  });

  it.each([
    ['a user task', '<bpmn:userTask id="x"/>'],
    [
      'a timer with a duration',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    ],
    ['a named message event', '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition messageRef="m1"/></bpmn:intermediateCatchEvent>'],
    ['a send task with an action', '<bpmn:sendTask id="x" stageflow:action="send-welcome"/>'],
  ])('given %s, when linted, then it is silent', async (_what, element) => {
    expect(await lintXml(withMessages(around(element)), [RULE])).toEqual([]);
  });

  it('given a script task in a process marked not executable, when linted, then it is silent (the engine skips documentation pools)', async () => {
    const xml = bpmnProcess('<bpmn:startEvent id="start"/><bpmn:scriptTask id="x"/>', 'p', 'isExecutable="false"');
    expect(await lintXml(xml, [RULE])).toEqual([]);
  });

  it('given a timer start event inside an embedded subprocess, when linted, then it reports what the engine says of subprocess starts', async () => {
    const xml = around(
      `<bpmn:subProcess id="x"><bpmn:startEvent id="inner"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess>`,
    );
    const findings = await lintXml(xml, [RULE]);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'inner', message: expect.stringContaining('an embedded subprocess starts at a none start event') }),
    ]);
  });
});
