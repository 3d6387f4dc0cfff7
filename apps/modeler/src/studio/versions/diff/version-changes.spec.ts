import { BpmnModdle } from 'bpmn-moddle';
import { bpmnProcess, sequenceFlowXml as flow, stageflowModdleDescriptor } from '@stageflow/bpmn-runtime';
import { versionChanges, type ModdleNode } from './version-changes';

const moddle = new BpmnModdle({ stageflow: stageflowModdleDescriptor });

async function definitions(xml: string): Promise<ModdleNode> {
  return (await moddle.fromXML(xml, 'bpmn:Definitions')).rootElement as unknown as ModdleNode;
}

const DI = (shapes: string) => `<bpmndi:BPMNDiagram id="d1"><bpmndi:BPMNPlane id="pl" bpmnElement="p">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;

function version({
  call = '<bpmn:userTask id="call" name="Call" stageflow:candidateGroups="sales"/>',
  step = '<bpmn:userTask id="old" name="Old step"/>',
  stepId = 'old',
  condition = '= budget > 1000',
  shapes = '',
} = {}) {
  const xml = bpmnProcess(
    `<bpmn:startEvent id="start"/>${call}${step}<bpmn:exclusiveGateway id="gw" default="toStep"/><bpmn:endEvent id="end"/>
     ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'gw')}${flow('toStep', 'gw', stepId)}${flow('big', 'gw', 'end', condition)}${flow('f5', stepId, 'end')}`,
  );
  return shapes === ''
    ? xml
    : xml
        .replace('</bpmn:definitions>', `${DI(shapes)}</bpmn:definitions>`)
        .replace('xmlns:bpmn=', 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:bpmn=');
}

describe('versionChanges', () => {
  it('given a task replaced by another, when compared, then the old one is removed, the new one added and the flows to them changed', async () => {
    const changes = await versionChanges(
      await definitions(version()),
      await definitions(version({ step: '<bpmn:userTask id="new" name="New step"/>', stepId: 'new' })),
    );

    expect(changes.filter((change) => change.kind !== 'changed')).toEqual([
      { elementId: 'old', kind: 'removed', type: 'UserTask', name: 'Old step', properties: [] },
      { elementId: 'new', kind: 'added', type: 'UserTask', name: 'New step', properties: [] },
    ]);
    expect(changes.find((change) => change.elementId === 'toStep')).toEqual({
      elementId: 'toStep',
      kind: 'changed',
      type: 'SequenceFlow',
      name: null,
      properties: [{ property: 'targetRef', before: 'old', after: 'new' }],
    });
  });

  it('given a renamed task with other candidate groups, when compared, then both properties are listed old before new', async () => {
    const changes = await versionChanges(
      await definitions(version()),
      await definitions(version({ call: '<bpmn:userTask id="call" name="Call the lead" stageflow:candidateGroups="inside-sales"/>' })),
    );

    expect(changes).toEqual([
      {
        elementId: 'call',
        kind: 'changed',
        type: 'UserTask',
        name: 'Call the lead',
        properties: [
          { property: 'candidateGroups', before: 'sales', after: 'inside-sales' },
          { property: 'name', before: 'Call', after: 'Call the lead' },
        ],
      },
    ]);
  });

  it('given a changed condition, when compared, then the flow lists the condition text before and after', async () => {
    const changes = await versionChanges(await definitions(version()), await definitions(version({ condition: '= budget > 5000' })));

    expect(changes).toEqual([
      expect.objectContaining({
        elementId: 'big',
        kind: 'changed',
        properties: [{ property: 'conditionExpression.body', before: '= budget > 1000', after: '= budget > 5000' }],
      }),
    ]);
  });

  it('given a task only moved on the diagram, when compared, then it is listed as moved with no property', async () => {
    const shape = (x: number) => `<bpmndi:BPMNShape id="s_call" bpmnElement="call"><dc:Bounds x="${x}" y="10" width="100" height="80"/></bpmndi:BPMNShape>`;

    const changes = await versionChanges(await definitions(version({ shapes: shape(100) })), await definitions(version({ shapes: shape(300) })));

    expect(changes).toEqual([{ elementId: 'call', kind: 'layoutChanged', type: 'UserTask', name: 'Call', properties: [] }]);
  });

  it('given the same diagram twice, when compared, then nothing changed', async () => {
    expect(await versionChanges(await definitions(version()), await definitions(version()))).toEqual([]);
  });
});
