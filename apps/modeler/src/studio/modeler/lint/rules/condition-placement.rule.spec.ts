import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/condition-placement';

describe(RULE, () => {
  it('given a condition on a flow leaving a task, when linted, then it reports that only gateways take conditions', async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/><bpmn:task id="t"/><bpmn:endEvent id="end"/>${flow('f1', 'start', 't')}${flow('f2', 't', 'end', '= ok')}`,
    );
    expect(await lintXml(xml, [RULE])).toEqual([
      expect.objectContaining({
        id: 'f2',
        category: 'error',
        message: 'Conditions are only supported on flows leaving exclusive or inclusive gateways (‘t’ is a Task)',
      }),
    ]);
  });

  it('given a default flow with a condition and an empty condition, when linted, then it reports both flows', async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/><bpmn:exclusiveGateway id="g" default="f2"/><bpmn:endEvent id="a"/><bpmn:endEvent id="b"/><bpmn:endEvent id="c"/>
       ${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a', ' ')}${flow('f2', 'g', 'b', '= x')}${flow('f3', 'g', 'c', '= y')}`,
    );
    expect(await lintXml(xml, [RULE])).toEqual([
      expect.objectContaining({ id: 'f1', message: 'The condition of ‘f1’ is empty' }),
      expect.objectContaining({ id: 'f2', message: '‘f2’ is the default flow and must not have a condition' }),
    ]);
  });

  it('given a default flow on a task, when linted, then it reports the task', async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/><bpmn:task id="t" default="f2"/><bpmn:endEvent id="end"/>${flow('f1', 'start', 't')}${flow('f2', 't', 'end')}`,
    );
    expect(await lintXml(xml, [RULE])).toEqual([
      expect.objectContaining({ id: 't', message: expect.stringContaining('Default flows are only supported on exclusive and inclusive gateways') }),
    ]);
  });

  it('given conditions and a default on an inclusive gateway, when linted, then it is silent', async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/><bpmn:inclusiveGateway id="g" default="f2"/><bpmn:endEvent id="a"/><bpmn:endEvent id="b"/>
       ${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a', '= x > 1')}${flow('f2', 'g', 'b')}`,
    );
    expect(await lintXml(xml, [RULE])).toEqual([]);
  });
});
