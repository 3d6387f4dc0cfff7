import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from '../testing/lint-xml';

const RULE = 'stageflow/gateway-default';
const split = (gateway: string, flows: string) =>
  bpmnProcess(`<bpmn:startEvent id="start"/>${gateway}<bpmn:endEvent id="a"/><bpmn:endEvent id="b"/>${flow('f0', 'start', 'g')}${flows}`);

describe(RULE, () => {
  it.each(['exclusiveGateway', 'inclusiveGateway'])(
    'given an %s whose flows all have conditions and none is the default, when linted, then it warns',
    async (type) => {
      const xml = split(`<bpmn:${type} id="g"/>`, `${flow('f1', 'g', 'a', '= budget > 1000')}${flow('f2', 'g', 'b', '= budget <= 1000')}`);
      expect(await lintXml(xml, [RULE])).toEqual([
        expect.objectContaining({ id: 'g', category: 'warn', message: expect.stringContaining('‘g’ has no default flow') }),
      ]);
    },
  );

  it.each([
    ['a default flow', '<bpmn:exclusiveGateway id="g" default="f2"/>', `${flow('f1', 'g', 'a', '= budget > 1000')}${flow('f2', 'g', 'b')}`],
    ['a flow without a condition', '<bpmn:exclusiveGateway id="g"/>', `${flow('f1', 'g', 'a', '= budget > 1000')}${flow('f2', 'g', 'b')}`],
    ['no conditions (a merge)', '<bpmn:parallelGateway id="g"/>', `${flow('f1', 'g', 'a')}${flow('f2', 'g', 'b')}`],
  ])('given a gateway with %s, when linted, then it is silent', async (_what, gateway, flows) => {
    expect(await lintXml(split(gateway, flows), [RULE])).toEqual([]);
  });
});
