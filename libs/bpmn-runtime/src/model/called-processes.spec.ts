import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { calledProcesses } from './called-processes.js';
import { compileBpmn } from './compile-bpmn.js';

describe('calledProcesses', () => {
  it('given call activities at the top and in a subprocess, when listed, then each appears with its process key', async () => {
    const result = await compileBpmn(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:callActivity id="convert" calledElement="opportunity"/>
        <bpmn:subProcess id="onboard">
          <bpmn:startEvent id="s"/><bpmn:callActivity id="account" calledElement="account-setup"/><bpmn:endEvent id="se"/>
          ${flow('s1', 's', 'account')}${flow('s2', 'account', 'se')}
        </bpmn:subProcess>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'convert')}${flow('f2', 'convert', 'onboard')}${flow('f3', 'onboard', 'end')}`),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(calledProcesses(result.processes[0]!)).toEqual([
      { elementId: 'convert', processKey: 'opportunity' },
      { elementId: 'account', processKey: 'account-setup' },
    ]);
  });

  it('given a process without call activities, when listed, then the list is empty; a foreign graph is refused', async () => {
    const result = await compileBpmn(bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e')}`));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(calledProcesses(result.processes[0]!)).toEqual([]);
    expect(() => calledProcesses({ id: 'x' })).toThrow(/not a process compiled by compileBpmn/);
  });
});
