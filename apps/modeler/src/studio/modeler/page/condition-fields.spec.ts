import { stageflowModdleDescriptor } from '@stageflow/bpmn-runtime';
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from '../properties/panel-types';
import { conditionFields } from './condition-fields';

async function definitionsOf(body: string): Promise<ModdleElement> {
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="d">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
  const { rootElement } = await new BpmnModdle({ stageflow: stageflowModdleDescriptor }).fromXML(xml);
  return rootElement as unknown as ModdleElement;
}

describe('the fields a flow condition may name', () => {
  it('given parameters, conditions, outputs, result variables and moves, when listed, then each is a typed field once, by path', async () => {
    const definitions = await definitionsOf(`
      <bpmn:exclusiveGateway id="g" />
      <bpmn:sequenceFlow id="a" sourceRef="g" targetRef="t"><bpmn:conditionExpression>= score &gt;= 50 and lead.source = "web"</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="g" targetRef="t"><bpmn:conditionExpression>= score &lt; 50</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="c" sourceRef="g" targetRef="t"><bpmn:conditionExpression>= not(valid)</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:businessRuleTask id="r" stageflow:ruleSet="bant" />
      <bpmn:subProcess id="s">
        <bpmn:userTask id="t" stageflow:moves="Offer, Lost">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= outcome" target="callOutcome" /></stageflow:ioMapping></bpmn:extensionElements>
        </bpmn:userTask>
      </bpmn:subProcess>`);

    const fields = conditionFields(definitions, [
      { name: 'promoteScore', value: '60' },
      { name: 'autoConvert', value: 'true' },
      { name: 'launch', value: '"2026-12-01"' },
      { name: 'cadence', value: '"P7D"' },
    ]);

    expect(fields).toEqual([
      { path: 'bant', label: 'bant', type: 'string' },
      { path: 'callOutcome', label: 'callOutcome', type: 'string' },
      { path: 'lead.source', label: 'lead.source', type: 'string' },
      { path: 'params.autoConvert', label: 'params.autoConvert', type: 'boolean' },
      { path: 'params.cadence', label: 'params.cadence', type: 'string' },
      { path: 'params.launch', label: 'params.launch', type: 'date' },
      { path: 'params.promoteScore', label: 'params.promoteScore', type: 'number' },
      { path: 'score', label: 'score', type: 'number' },
      { path: 'stageMove', label: 'stageMove', type: 'string' },
    ]);
  });

  it('given no diagram and no parameters, when listed, then there are no fields', () => {
    expect(conditionFields(undefined)).toEqual([]);
  });
});
