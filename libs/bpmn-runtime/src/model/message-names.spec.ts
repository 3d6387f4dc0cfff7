import { flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import { messageNames } from './message-names.js';

const diagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:message id="m1" name="lead-arrived"/>
  <bpmn:message id="m2" name="lead-replied" stageflow:correlationKey="= leadId"/>
  <bpmn:message id="m3" name="lead-closed"/>
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m1"/></bpmn:startEvent>
    <bpmn:receiveTask id="wait" messageRef="m2"/>
    <bpmn:boundaryEvent id="again" attachedToRef="wait" cancelActivity="false"><bpmn:messageEventDefinition messageRef="m2"/></bpmn:boundaryEvent>
    <bpmn:endEvent id="repeated"/>
    <bpmn:endEvent id="end"><bpmn:messageEventDefinition messageRef="m3"/></bpmn:endEvent>
    ${flow('f1', 'start', 'wait')}${flow('f2', 'wait', 'end')}${flow('f3', 'again', 'repeated')}
  </bpmn:process>
</bpmn:definitions>`;

describe('messageNames', () => {
  it('given a process that starts on, waits for and throws messages, when listed, then each name once, sorted', async () => {
    const result = await compileBpmn(diagram);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(messageNames(result.processes[0]!)).toEqual(['lead-arrived', 'lead-closed', 'lead-replied']);
    expect(() => messageNames({ id: 'x' })).toThrow(/not a process compiled by compileBpmn/);
  });
});
