import { CommandRejectedError } from '../contract/interpret.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

// A fork: one branch is a task that can provide `score`, the other decides on it at once.
const decideEarly = bpmnProcess(`
  <bpmn:startEvent id="start"/>
  <bpmn:parallelGateway id="fork"/>
  <bpmn:userTask id="score"/>
  <bpmn:exclusiveGateway id="hot" default="cold"/>
  <bpmn:userTask id="callNow"/>
  <bpmn:userTask id="nurture"/>
  <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/>
  ${flow('f1', 'start', 'fork')}
  ${flow('f2', 'fork', 'score')}
  ${flow('f3', 'fork', 'hot')}
  ${flow('f4', 'score', 'e1')}
  ${flow('yes', 'hot', 'callNow', '= score > 5')}
  ${flow('cold', 'hot', 'nurture')}
  ${flow('f5', 'callNow', 'e2')}
  ${flow('f6', 'nurture', 'e3')}`);

const withMappings = (element: string, mappings: string) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:parallelGateway id="fork"/>
    <bpmn:userTask id="provide"/>
    ${element.replace('MAPPINGS', `<bpmn:extensionElements><stageflow:ioMapping>${mappings}</stageflow:ioMapping></bpmn:extensionElements>`)}
    <bpmn:userTask id="after"/>
    <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
    ${flow('f1', 'start', 'fork')}
    ${flow('f2', 'fork', 'provide')}
    ${flow('f3', 'fork', 'work')}
    ${flow('f4', 'provide', 'e1')}
    ${flow('f5', 'work', 'after')}
    ${flow('f6', 'after', 'e2')}`);

describe('incident retry', () => {
  it('given a gateway incident, when the missing variable is set by another task and the incident is retried, then the gateway decides again', async () => {
    const scenario = await Scenario.deploy(decideEarly);
    const instance = scenario.start();
    expect(instance.status).toBe('incident');
    const incidentId = instance.lastOf('IncidentRaised', 'hot').incidentId;

    instance.complete('score', { score: 8 }).send({ type: 'retryIncident', incidentId });

    expect(instance.lastEffects[0]).toEqual({ type: 'IncidentResolved', incidentId, elementId: 'hot' });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['callNow']);
    expect(instance.status).toBe('active');
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'callNow', wait: 'task' }] });
  });

  it('given a retry that fails again, when retried, then a new incident with a new id is raised and the old id is gone', async () => {
    const scenario = await Scenario.deploy(decideEarly);
    const instance = scenario.start();
    const first = instance.lastOf('IncidentRaised', 'hot').incidentId;

    instance.send({ type: 'retryIncident', incidentId: first });

    const second = instance.lastOf('IncidentRaised', 'hot').incidentId;
    expect(second).not.toBe(first);
    expect(instance.lastEffects.map((effect) => effect.type)).toEqual(['IncidentResolved', 'ElementEntered', 'IncidentRaised']);
    expect(instance.status).toBe('incident');
    expect(() => instance.send({ type: 'retryIncident', incidentId: first })).toThrow(CommandRejectedError);
  });

  it('given an unknown incident id, when retried, then the command is rejected and the state is unchanged', async () => {
    const scenario = await Scenario.deploy(decideEarly);
    const instance = scenario.start();
    const before = JSON.stringify(instance.state);

    expect(() => instance.send({ type: 'retryIncident', incidentId: 'nope' })).toThrow(/No open incident 'nope'/);
    expect(JSON.stringify(instance.state)).toBe(before);
  });

  it('given an incident that was already retried, when its retry comes again, then it is rejected as TASK_NOT_FOUND (the engine drops the duplicate)', async () => {
    const scenario = await Scenario.deploy(decideEarly);
    const instance = scenario.start();
    const incidentId = instance.lastOf('IncidentRaised', 'hot').incidentId;
    instance.complete('score', { score: 8 }).send({ type: 'retryIncident', incidentId });

    expect(() => instance.send({ type: 'retryIncident', incidentId })).toThrow(expect.objectContaining({ code: 'TASK_NOT_FOUND' }));
  });

  it('given an output mapping that failed when a task completed, when retried, then the task completes again without a new task', async () => {
    const scenario = await Scenario.deploy(
      withMappings('<bpmn:userTask id="work">MAPPINGS</bpmn:userTask>', '<stageflow:output source="= hours * rate" target="cost"/>'),
    );
    const instance = scenario.start();
    instance.complete('work', { hours: 3 });
    expect(instance.incidents()).toEqual([expect.objectContaining({ elementId: 'work', message: expect.stringContaining("Output mapping 'cost'") })]);

    instance.complete('provide', { rate: 100 }).retryIncident('work');

    expect(instance.effectsOf('TaskCreated').filter((task) => task.elementId === 'work')).toHaveLength(1);
    expect(instance.variables).toEqual({ rate: 100, cost: 300 });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['after']);
    expect(instance.status).toBe('active');
  });

  it('given a subprocess whose input mapping failed, when retried, then it is entered from scratch with one scope', async () => {
    const scenario = await Scenario.deploy(
      withMappings(
        `<bpmn:subProcess id="work">MAPPINGS<bpmn:startEvent id="s"/><bpmn:userTask id="inner"/><bpmn:endEvent id="se"/>${flow('s1', 's', 'inner')}${flow('s2', 'inner', 'se')}</bpmn:subProcess>`,
        '<stageflow:input source="= rate + 1" target="localRate"/>',
      ),
    );
    const instance = scenario.start();
    expect(instance.status).toBe('incident');

    instance.complete('provide', { rate: 1 }).retryIncident('work');

    expect(instance.task('inner').variables).toEqual({ rate: 1, localRate: 2 });
    expect(Object.keys((instance.state as unknown as { scopes: object }).scopes)).toHaveLength(1);
    instance.complete('inner');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['after']);
  });

  it('given a subprocess whose output mapping failed, when retried, then it completes again with its inner variables kept', async () => {
    const scenario = await Scenario.deploy(
      withMappings(
        `<bpmn:subProcess id="work">MAPPINGS<bpmn:startEvent id="s"/><bpmn:userTask id="inner"/><bpmn:endEvent id="se"/>${flow('s1', 's', 'inner')}${flow('s2', 'inner', 'se')}</bpmn:subProcess>`,
        '<stageflow:input source="= 0" target="hours"/><stageflow:output source="= hours * rate" target="cost"/>',
      ),
    );
    const instance = scenario.start();
    instance.complete('inner', { hours: 4 });
    expect(instance.status).toBe('incident');

    instance.complete('provide', { rate: 10 }).retryIncident('work');

    expect(instance.variables).toEqual({ rate: 10, cost: 40 });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['after']);
  });

  it('given a loop stopped by the step limit, when retried, then it runs again from the parked token and stops with a new incident', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:exclusiveGateway id="spin"/>
        <bpmn:manualTask id="again"/>
        ${flow('f1', 'start', 'spin')}
        ${flow('f2', 'spin', 'again')}
        ${flow('f3', 'again', 'spin')}`),
      { maxSteps: 50 },
    );
    const instance = scenario.start();
    const [first] = instance.incidents();

    instance.send({ type: 'retryIncident', incidentId: first!.incidentId });

    expect(instance.incidents()).toHaveLength(2);
    expect(instance.incidents()[1]!.incidentId).not.toBe(first!.incidentId);
    expect(instance.status).toBe('incident');
  });
});
