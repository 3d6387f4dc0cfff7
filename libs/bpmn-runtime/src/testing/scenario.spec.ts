import { bpmnProcess, flow } from './bpmn-fixtures.js';
import { Scenario, ScenarioDeployError } from './scenario.js';

describe('scenario driver', () => {
  it('given a refused diagram, when deployed, then the error lists every problem', async () => {
    await expect(Scenario.deploy(bpmnProcess('<bpmn:serviceTask id="s"/>'))).rejects.toThrow(ScenarioDeployError);
  });

  it('given a diagram, when driven, then open tasks, variables, paths and ids are deterministic', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`<bpmn:startEvent id="start"/><bpmn:userTask id="t"/><bpmn:endEvent id="end"/>${flow('f1', 'start', 't')}${flow('f2', 't', 'end')}`),
    );

    const instance = scenario.start({ variables: { a: 1 } });
    expect(instance.openTasks()).toEqual([expect.objectContaining({ taskId: 'id-2', elementId: 't' })]);
    instance.complete('t', { b: 2 });

    expect(instance.variables).toEqual({ a: 1, b: 2 });
    expect(instance.entered()).toEqual(['start', 't', 'end']);
    expect(instance.flowsTaken()).toEqual(['f1', 'f2']);
    expect(instance.openTasks()).toEqual([]);
    expect(() => instance.task('t')).toThrow(/found 0/);
  });
});
