import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const routing = (defaultFlow = 'toSmall') =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:exclusiveGateway id="size" ${defaultFlow ? `default="${defaultFlow}"` : ''}>
      <bpmn:outgoing>toHuge</bpmn:outgoing>
      <bpmn:outgoing>toBig</bpmn:outgoing>
      <bpmn:outgoing>toSmall</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:userTask id="huge"/>
    <bpmn:userTask id="big"/>
    <bpmn:userTask id="small"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'size')}
    ${flow('toSmall', 'size', 'small', defaultFlow ? undefined : '= amount < 100')}
    ${flow('toBig', 'size', 'big', '= amount >= 1000')}
    ${flow('toHuge', 'size', 'huge', '= amount >= params.hugeDeal')}
    ${flow('f2', 'huge', 'end')}
    ${flow('f3', 'big', 'end')}
    ${flow('f4', 'small', 'end')}`);

describe('exclusive gateway', () => {
  it('given several true conditions, when the gateway is reached, then the first in the order of its outgoing flows is taken', async () => {
    const scenario = await Scenario.deploy(routing(), { params: { hugeDeal: 50_000 } });

    const instance = scenario.start({ variables: { amount: 60_000 } });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['huge']);
    expect(instance.flowsTaken()).toEqual(['f1', 'toHuge']);
  });

  it('given one true condition, when the gateway is reached, then that flow is taken', async () => {
    const scenario = await Scenario.deploy(routing(), { params: { hugeDeal: 50_000 } });

    expect(
      scenario
        .start({ variables: { amount: 2000 } })
        .openTasks()
        .map((task) => task.elementId),
    ).toEqual(['big']);
  });

  it('given no true condition, when there is a default flow, then the default flow is taken', async () => {
    const scenario = await Scenario.deploy(routing(), { params: { hugeDeal: 50_000 } });

    expect(
      scenario
        .start({ variables: { amount: 10 } })
        .openTasks()
        .map((task) => task.elementId),
    ).toEqual(['small']);
  });

  it('given no true condition and no default flow, when the gateway is reached, then an incident parks the token there', async () => {
    const scenario = await Scenario.deploy(routing(''), { params: { hugeDeal: 50_000 } });

    const instance = scenario.start({ variables: { amount: 500 } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toEqual([
      {
        type: 'IncidentRaised',
        incidentId: expect.any(String),
        elementId: 'size',
        message: "No outgoing flow of exclusive gateway 'size' has a true condition and there is no default flow",
      },
    ]);
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'size', wait: 'incident' }] });
  });

  it('given a condition that does not give a boolean, when evaluated, then an incident names the flow', async () => {
    const scenario = await Scenario.deploy(routing(), { params: { hugeDeal: 50_000 } });

    const instance = scenario.start({ variables: {} });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]?.message).toMatch(/Condition of flow 'toHuge'.*instead of a boolean/);
  });

  it('given an incident on one branch, when another open task is completed, then that command still runs and the status stays incident', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:exclusiveGateway id="xor"/>
        <bpmn:userTask id="ok"/>
        <bpmn:userTask id="never"/>
        <bpmn:endEvent id="end1"/>
        <bpmn:endEvent id="end2"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'xor')}
        ${flow('f3', 'fork', 'ok')}
        ${flow('f4', 'xor', 'never', '= false')}
        ${flow('f5', 'ok', 'end1')}
        ${flow('f6', 'never', 'end2')}`),
    );
    const instance = scenario.start();
    expect(instance.status).toBe('incident');

    instance.complete('ok');

    expect(instance.entered()).toContain('end1');
    expect(instance.status).toBe('incident');
  });

  it('given a merging exclusive gateway, when tokens arrive, then each passes through without waiting', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:exclusiveGateway id="merge"/>
        <bpmn:userTask id="work"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'merge')}
        ${flow('f3', 'fork', 'merge')}
        ${flow('f4', 'merge', 'work')}
        ${flow('f5', 'work', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.openTasks()).toHaveLength(2);
  });
});
