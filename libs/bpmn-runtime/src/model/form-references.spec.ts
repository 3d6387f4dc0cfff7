import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import { formReferences } from './form-references.js';

describe('formReferences', () => {
  it('given user tasks with literal and FEEL form keys at the top and in a subprocess, when listed, then the literal ones are named with their task', async () => {
    const result = await compileBpmn(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="contact" stageflow:formKey=" first-contact "/>
        <bpmn:userTask id="picked" stageflow:formKey="= formName"/>
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="s"/><bpmn:userTask id="review" stageflow:formKey="review"/><bpmn:endEvent id="se"/>
          ${flow('s1', 's', 'review')}${flow('s2', 'review', 'se')}
        </bpmn:subProcess>
        <bpmn:userTask id="plain"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'contact')}${flow('f2', 'contact', 'picked')}${flow('f3', 'picked', 'sub')}${flow('f4', 'sub', 'plain')}${flow('f5', 'plain', 'end')}`),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(formReferences(result.processes[0]!)).toEqual([
      { elementId: 'contact', formKey: 'first-contact' },
      { elementId: 'review', formKey: 'review' },
    ]);
    expect(() => formReferences({ id: 'x' })).toThrow(/not a process compiled by compileBpmn/);
  });
});
