import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import { parameterReferences } from './parameter-references.js';

async function compiled(body: string, before = '') {
  const result = await compileBpmn(bpmnProcess(body).replace('<bpmn:process', `${before}<bpmn:process`));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0]!;
}

describe('parameterReferences', () => {
  it('given params in every kind of FEEL a diagram holds, when listed, then each is named with the element or flow reading it', async () => {
    const graph = await compiled(
      `
      <bpmn:startEvent id="start"/>
      <bpmn:userTask id="call" name="= params.notFeel" stageflow:dueDate="= now() + duration(params.sla)" stageflow:priority="= params.priority">
        <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= params.region" target="region"/><stageflow:output source="= params.score + 1" target="score"/></stageflow:ioMapping></bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:boundaryEvent id="late" attachedToRef="call" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>= params.escalateAfter</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="lateEnd"/>
      <bpmn:exclusiveGateway id="gate" default="low"/>
      <bpmn:receiveTask id="wait" messageRef="msg"/>
      <bpmn:userTask id="each"><bpmn:multiInstanceLoopCharacteristics stageflow:collection="= params.stages" stageflow:elementVariable="stage"/></bpmn:userTask>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'gate')}${flow('high', 'gate', 'wait', '= score > params.promoteScore')}${flow('low', 'gate', 'end')}
      ${flow('f3', 'wait', 'each')}${flow('f4', 'each', 'end')}${flow('f5', 'late', 'lateEnd')}`,
      '<bpmn:message id="msg" name="opened" stageflow:correlationKey="= params.prefix + id"/>',
    );

    expect(parameterReferences(graph)).toEqual(
      expect.arrayContaining([
        { elementId: 'call', parameter: 'sla' },
        { elementId: 'call', parameter: 'priority' },
        { elementId: 'call', parameter: 'region' },
        { elementId: 'call', parameter: 'score' },
        { elementId: 'late', parameter: 'escalateAfter' },
        { elementId: 'high', parameter: 'promoteScore' },
        { elementId: 'wait', parameter: 'prefix' },
        { elementId: 'each', parameter: 'stages' },
      ]),
    );
    expect(parameterReferences(graph)).toHaveLength(8);
  });

  it('given a process without parameters, when listed, then the list is empty; a foreign graph is refused', async () => {
    const graph = await compiled(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e', undefined)}`);
    expect(parameterReferences(graph)).toEqual([]);
    expect(() => parameterReferences({ id: 'x' })).toThrow(/not a process compiled by compileBpmn/);
  });
});
