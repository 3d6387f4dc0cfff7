// The names of a diagram's elements, for views that show where a process stands.
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import { elementNames } from './element-names.js';

describe('elementNames', () => {
  it('given named and unnamed elements, inside a subprocess too, when read, then only the named ones are listed by id', async () => {
    const result = await compileBpmn(
      bpmnProcess(`<bpmn:startEvent id="s"/>
        <bpmn:userTask id="checkDuplicates" name="Check for duplicates"/>
        <bpmn:subProcess id="sub" name="Follow up">
          <bpmn:startEvent id="subStart"/>
          <bpmn:userTask id="call" name="Call the lead"/>
          <bpmn:endEvent id="subEnd"/>
          ${flow('g1', 'subStart', 'call')}${flow('g2', 'call', 'subEnd')}
        </bpmn:subProcess>
        <bpmn:userTask id="unnamed"/>
        <bpmn:endEvent id="e" name=" "/>
        ${flow('f1', 's', 'checkDuplicates')}${flow('f2', 'checkDuplicates', 'sub')}${flow('f3', 'sub', 'unnamed')}${flow('f4', 'unnamed', 'e')}`),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(elementNames(result.processes[0]!)).toEqual({ checkDuplicates: 'Check for duplicates', sub: 'Follow up', call: 'Call the lead' });
  });

  it('given something that is no compiled process, when read, then it fails', () => {
    expect(() => elementNames({ id: 'p' })).toThrow('not a process compiled by compileBpmn');
  });
});
