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

describe('exclusive gateway: the default flow', () => {
  // The default flow comes first in the gateway's order, before the conditional flow.
  const defaultFirst = bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:exclusiveGateway id="size" default="toSmall">
      <bpmn:outgoing>toSmall</bpmn:outgoing>
      <bpmn:outgoing>toBig</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:userTask id="big"/>
    <bpmn:userTask id="small"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'size')}
    ${flow('toSmall', 'size', 'small')}
    ${flow('toBig', 'size', 'big', '= amount >= 1000')}
    ${flow('f2', 'big', 'end')}
    ${flow('f3', 'small', 'end')}`);

  it('given the default flow first in the order of the outgoing flows, when a condition is true, then only the flow of that condition is taken', async () => {
    const scenario = await Scenario.deploy(defaultFirst);

    const instance = scenario.start({ variables: { amount: 2000 } });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['big']);
    expect(instance.flowsTaken()).toEqual(['f1', 'toBig']);
  });

  it('given the default flow first in the order of the outgoing flows, when no condition is true, then only the default flow is taken', async () => {
    const scenario = await Scenario.deploy(defaultFirst);

    const instance = scenario.start({ variables: { amount: 10 } });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['small']);
    expect(instance.flowsTaken()).toEqual(['f1', 'toSmall']);
  });

  it('given a default flow and a single conditional flow, when the condition is false, then the default flow is taken', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:exclusiveGateway id="size" default="toSmall"/>
        <bpmn:userTask id="small"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'size')}
        ${flow('toSmall', 'size', 'small')}
        ${flow('f2', 'small', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['small']);
    expect(instance.flowsTaken()).toEqual(['f1', 'toSmall']);
  });
});

describe('exclusive gateway: a flow without a condition', () => {
  it('given a first outgoing flow without a condition and no default, when the gateway is reached, then only that flow is taken', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:exclusiveGateway id="size">
          <bpmn:outgoing>toSmall</bpmn:outgoing>
          <bpmn:outgoing>toBig</bpmn:outgoing>
        </bpmn:exclusiveGateway>
        <bpmn:userTask id="big"/>
        <bpmn:userTask id="small"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'size')}
        ${flow('toSmall', 'size', 'small')}
        ${flow('toBig', 'size', 'big', '= true')}
        ${flow('f2', 'big', 'end')}
        ${flow('f3', 'small', 'end')}`),
    );

    const instance = scenario.start();

    expect(instance.flowsTaken()).toEqual(['f1', 'toSmall']);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['small']);
  });
});

describe('exclusive gateway: a single outgoing flow', () => {
  const single = (condition?: string) =>
    bpmnProcess(`
      <bpmn:startEvent id="start"/>
      <bpmn:exclusiveGateway id="check"/>
      <bpmn:userTask id="next"/>
      <bpmn:endEvent id="end"/>
      ${flow('f1', 'start', 'check')}
      ${flow('onward', 'check', 'next', condition)}
      ${flow('f2', 'next', 'end')}`);

  it('given one outgoing flow without a condition, when the gateway is reached, then that flow is taken', async () => {
    const scenario = await Scenario.deploy(single());

    const instance = scenario.start();

    expect(instance.flowsTaken()).toEqual(['f1', 'onward']);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['next']);
  });

  it('given one outgoing flow whose condition is false and no default, when the gateway is reached, then an incident parks the token there', async () => {
    const scenario = await Scenario.deploy(single('= approved'));

    const instance = scenario.start({ variables: { approved: false } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toEqual([
      {
        type: 'IncidentRaised',
        incidentId: expect.any(String),
        elementId: 'check',
        message: "No outgoing flow of exclusive gateway 'check' has a true condition and there is no default flow",
      },
    ]);
    expect(instance.flowsTaken()).toEqual(['f1']);
  });

  it('given one outgoing flow whose condition is true, when the gateway is reached, then that flow is taken', async () => {
    const scenario = await Scenario.deploy(single('= approved'));

    const instance = scenario.start({ variables: { approved: true } });

    expect(instance.flowsTaken()).toEqual(['f1', 'onward']);
  });
});

describe('exclusive gateway: a failing condition', () => {
  it('given a condition that fails, when evaluated, then an incident names the flow and no later flow is taken, not even the default', async () => {
    const scenario = await Scenario.deploy(routing(), { params: { hugeDeal: 50_000 } });

    const instance = scenario.start({ variables: {} });

    expect(instance.flowsTaken()).toEqual(['f1']);
    expect(instance.openTasks()).toEqual([]);
    expect(instance.incidents()).toHaveLength(1);
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'size', wait: 'incident' }] });
  });
});
