import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

describe('terminate end event', () => {
  it('given parallel branches at the top level, when one reaches a terminate end event, then the instance is terminated and open tasks are cancelled', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="waiting"/>
        <bpmn:userTask id="decide"/>
        <bpmn:endEvent id="endNormal"/>
        <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'waiting')}
        ${flow('f3', 'fork', 'decide')}
        ${flow('f4', 'waiting', 'endNormal')}
        ${flow('f5', 'decide', 'kill')}`),
    );
    const instance = scenario.start();
    const waiting = instance.task('waiting');

    instance.complete('decide');

    expect(instance.status).toBe('terminated');
    expect(instance.lastEffects).toContainEqual({ type: 'TaskCancelled', taskId: waiting.taskId, elementId: 'waiting' });
    expect(instance.lastEffects.at(-1)).toEqual({ type: 'InstanceTerminated', elementId: 'kill' });
    expect(instance.effectsOf('InstanceCompleted')).toHaveLength(0);
    expect(instance.openTasks()).toEqual([]);
    expect(() => instance.complete(waiting.taskId)).toThrow(expect.objectContaining({ code: 'INSTANCE_NOT_ACTIVE' }));
  });

  it('given a terminate end event inside an embedded subprocess, when reached, then only the subprocess ends and it completes normally', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="outerFork"/>
        <bpmn:userTask id="outerTask"/>
        <bpmn:endEvent id="outerEnd1"/>
        <bpmn:subProcess id="sub">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= reason" target="subResult"/></stageflow:ioMapping></bpmn:extensionElements>
          <bpmn:startEvent id="subStart"/>
          <bpmn:parallelGateway id="subFork"/>
          <bpmn:userTask id="innerTask"/>
          <bpmn:endEvent id="innerEnd"/>
          <bpmn:userTask id="abort"/>
          <bpmn:endEvent id="innerKill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
          ${flow('s1', 'subStart', 'subFork')}
          ${flow('s2', 'subFork', 'innerTask')}
          ${flow('s3', 'innerTask', 'innerEnd')}
          ${flow('s4', 'subFork', 'abort')}
          ${flow('s5', 'abort', 'innerKill')}
        </bpmn:subProcess>
        <bpmn:userTask id="after"/>
        <bpmn:endEvent id="outerEnd2"/>
        ${flow('f1', 'start', 'outerFork')}
        ${flow('f2', 'outerFork', 'outerTask')}
        ${flow('f3', 'outerTask', 'outerEnd1')}
        ${flow('f4', 'outerFork', 'sub')}
        ${flow('f5', 'sub', 'after')}
        ${flow('f6', 'after', 'outerEnd2')}`),
    );
    const instance = scenario.start();
    const inner = instance.task('innerTask');

    instance.complete('abort', { reason: 'lost' });

    expect(instance.status).toBe('active');
    expect(instance.lastEffects).toContainEqual({ type: 'TaskCancelled', taskId: inner.taskId, elementId: 'innerTask' });
    expect(instance.lastEffects).toContainEqual({ type: 'ElementLeft', elementId: 'sub', elementType: 'bpmn:SubProcess' });
    expect(instance.effectsOf('InstanceTerminated')).toHaveLength(0);
    expect(
      instance
        .openTasks()
        .map((task) => task.elementId)
        .sort(),
    ).toEqual(['after', 'outerTask']);
    expect(instance.variables).toMatchObject({ subResult: 'lost' });

    instance.complete('after').complete('outerTask');
    expect(instance.status).toBe('completed');
  });
  it('given a subprocess nested in the terminated subprocess, when the terminate end event is reached, then the nested tasks are cancelled too', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="outer">
          <bpmn:startEvent id="os"/>
          <bpmn:parallelGateway id="fork"/>
          <bpmn:subProcess id="nested">
            <bpmn:startEvent id="ns"/><bpmn:userTask id="deep"/><bpmn:endEvent id="ne"/>
            ${flow('n1', 'ns', 'deep')}${flow('n2', 'deep', 'ne')}
          </bpmn:subProcess>
          <bpmn:userTask id="abort"/>
          <bpmn:endEvent id="oe"/>
          <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
          ${flow('o1', 'os', 'fork')}${flow('o2', 'fork', 'nested')}${flow('o3', 'fork', 'abort')}${flow('o4', 'nested', 'oe')}${flow('o5', 'abort', 'kill')}
        </bpmn:subProcess>
        <bpmn:userTask id="after"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'outer')}${flow('f2', 'outer', 'after')}${flow('f3', 'after', 'end')}`),
    );
    const instance = scenario.start();
    const deep = instance.task('deep');

    instance.complete('abort');

    expect(instance.lastEffects).toContainEqual({ type: 'TaskCancelled', taskId: deep.taskId, elementId: 'deep' });
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'after' }], scopes: {} });
  });

  it('given a terminate end event, when reached, then its token leaves it before the instance is terminated', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
        ${flow('f1', 'start', 'kill')}`),
    );

    const instance = scenario.start();

    expect(instance.lastEffects.slice(-2)).toEqual([
      { type: 'ElementLeft', elementId: 'kill', elementType: 'bpmn:EndEvent' },
      { type: 'InstanceTerminated', elementId: 'kill' },
    ]);
  });
});
