import { bpmnProcess, sequenceFlowXml as flow, stageflowModdleDescriptor } from '@stageflow/bpmn-runtime';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { completeFlowReferences } from './complete-flow-references';

const ids = (flows: unknown) => (flows as ModdleElement[]).map((f) => f.id);

describe('completeFlowReferences', () => {
  it('given flow nodes without incoming/outgoing lists (also in a subprocess), when completed twice, then each lists its flows once, in document order', async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/><bpmn:exclusiveGateway id="g"><bpmn:outgoing>f3</bpmn:outgoing></bpmn:exclusiveGateway>
       <bpmn:subProcess id="sub"><bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('s1', 's', 'e')}</bpmn:subProcess><bpmn:endEvent id="end"/>
       ${flow('f1', 'start', 'g')}${flow('f2', 'g', 'sub')}${flow('f3', 'g', 'end')}${flow('f4', 'sub', 'end')}`,
    );
    const { rootElement, elementsById } = await new BpmnModdle({ stageflow: stageflowModdleDescriptor }).fromXML(xml, 'bpmn:Definitions');
    completeFlowReferences(rootElement);
    completeFlowReferences(rootElement);
    expect(ids(elementsById.g!.outgoing)).toEqual(['f3', 'f2']);
    expect(ids(elementsById.g!.incoming)).toEqual(['f1']);
    expect(ids(elementsById.end!.incoming)).toEqual(['f3', 'f4']);
    expect(ids(elementsById.s!.outgoing)).toEqual(['s1']);
    expect(ids(elementsById.e!.incoming)).toEqual(['s1']);
  });
});
