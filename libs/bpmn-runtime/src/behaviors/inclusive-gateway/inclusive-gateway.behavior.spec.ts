import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const offers = (withDefault: boolean) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:inclusiveGateway id="split" ${withDefault ? 'default="toNone"' : ''}/>
    <bpmn:userTask id="hardware"/>
    <bpmn:userTask id="software"/>
    <bpmn:userTask id="services"/>
    ${withDefault ? '<bpmn:userTask id="none"/>' : ''}
    <bpmn:inclusiveGateway id="join"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'split')}
    ${flow('toHw', 'split', 'hardware', '= list contains(products, "hw")')}
    ${flow('toSw', 'split', 'software', '= list contains(products, "sw")')}
    ${flow('toSv', 'split', 'services', '= list contains(products, "sv")')}
    ${withDefault ? flow('toNone', 'split', 'none') : ''}
    ${flow('j1', 'hardware', 'join')}
    ${flow('j2', 'software', 'join')}
    ${flow('j3', 'services', 'join')}
    ${withDefault ? flow('j4', 'none', 'join') : ''}
    ${flow('f2', 'join', 'end')}`);

describe('inclusive gateway', () => {
  it('given conditions, when the split is reached, then every flow with a true condition is taken', async () => {
    const scenario = await Scenario.deploy(offers(true));

    const instance = scenario.start({ variables: { products: ['hw', 'sv'] } });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['hardware', 'services']);
  });

  it('given no true condition, when there is a default flow, then only the default flow is taken', async () => {
    const scenario = await Scenario.deploy(offers(true));

    expect(
      scenario
        .start({ variables: { products: [] } })
        .openTasks()
        .map((task) => task.elementId),
    ).toEqual(['none']);
  });

  it('given no true condition and no default, when the split is reached, then an incident is raised', async () => {
    const scenario = await Scenario.deploy(offers(false));

    const instance = scenario.start({ variables: { products: [] } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'split' });
  });

  it('given two taken branches, when the first arrives at the join, then it waits only for the other taken branch', async () => {
    const scenario = await Scenario.deploy(offers(true));
    const instance = scenario.start({ variables: { products: ['hw', 'sw'] } });

    instance.complete('software');
    expect(instance.status).toBe('active');
    expect(instance.entered().filter((id) => id === 'end')).toEqual([]);

    instance.complete('hardware');
    expect(instance.status).toBe('completed');
    expect(instance.flowsTaken().filter((id) => id === 'f2')).toHaveLength(1);
    // Both arrivals entered the join and both leave it.
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'join')).toHaveLength(2);
  });

  it('given a branch that ends elsewhere, when its token leaves for an end event, then the waiting join fires', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:exclusiveGateway id="bDecides" default="bToJoin"/>
        <bpmn:endEvent id="dropOut"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:userTask id="after"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toA', 'split', 'a', '= true')}
        ${flow('toB', 'split', 'b', '= true')}
        ${flow('aToJoin', 'a', 'join')}
        ${flow('f2', 'b', 'bDecides')}
        ${flow('bOut', 'bDecides', 'dropOut', '= drop')}
        ${flow('bToJoin', 'bDecides', 'join')}
        ${flow('f3', 'join', 'after')}
        ${flow('f4', 'after', 'end')}`),
    );
    const instance = scenario.start();
    instance.complete('a');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['b']);

    instance.complete('b', { drop: true });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['after']);
  });

  it('given a token still upstream in a loop, when another token waits at the join, then the join waits for it', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:inclusiveGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:exclusiveGateway id="redo" default="bDone"/>
        <bpmn:inclusiveGateway id="join"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'split')}
        ${flow('toA', 'split', 'a', '= true')}
        ${flow('toB', 'split', 'b', '= true')}
        ${flow('aToJoin', 'a', 'join')}
        ${flow('f2', 'b', 'redo')}
        ${flow('again', 'redo', 'b', '= again')}
        ${flow('bDone', 'redo', 'join')}
        ${flow('f3', 'join', 'end')}`),
    );
    const instance = scenario.start().complete('a');

    instance.complete('b', { again: true });
    expect(instance.status).toBe('active');
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['b']);

    instance.complete('b', { again: false });
    expect(instance.status).toBe('completed');
  });
});
