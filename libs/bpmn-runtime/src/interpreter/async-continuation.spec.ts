import { CommandRejectedError } from '../contract/interpret.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';

const chain = (asyncOn: string) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:manualTask id="prepare" ${asyncOn === 'prepare' ? 'stageflow:async="true"' : ''}/>
    <bpmn:userTask id="call" stageflow:assignee="= owner" ${asyncOn === 'call' ? 'stageflow:async="true"' : ''}>
      <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= owner + &quot;!&quot;" target="who"/></stageflow:ioMapping></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'prepare')}
    ${flow('f2', 'prepare', 'call')}
    ${flow('f3', 'call', 'end')}`);

describe('async continuation (stageflow:async)', () => {
  it('given an async activity, when a token arrives, then it parks before the element and asks for a continuation', async () => {
    const scenario = await Scenario.deploy(chain('call'));

    const instance = scenario.start({ variables: { owner: 'ann' } });

    expect(instance.entered()).toEqual(['start', 'prepare']);
    expect(instance.lastEffects).toContainEqual({ type: 'AsyncContinuationScheduled', continuationId: expect.any(String), elementId: 'call' });
    expect(instance.openTasks()).toEqual([]);
    expect(instance.state).toMatchObject({ status: 'active', tokens: [{ nodeId: 'call', wait: 'async', via: 'f2' }], scopes: {} });
  });

  it('given a parked continuation, when continueAsync runs, then the element is entered as if the token had just arrived', async () => {
    const scenario = await Scenario.deploy(chain('call'));
    const instance = scenario.start({ variables: { owner: 'ann' } });

    instance.continueAsync('call');

    expect(instance.lastEffects[0]).toEqual({ type: 'ElementEntered', elementId: 'call', elementType: 'bpmn:UserTask' });
    expect(instance.task('call')).toMatchObject({ assignee: 'ann', variables: { owner: 'ann', who: 'ann!' } });
    instance.complete('call');
    expect(instance.status).toBe('completed');
  });

  it('given a continuation that already ran, when the job is retried, then the command is rejected and nothing changes', async () => {
    const scenario = await Scenario.deploy(chain('prepare'));
    const instance = scenario.start({ variables: { owner: 'ann' } });
    const continuationId = instance.lastOf('AsyncContinuationScheduled', 'prepare').continuationId;
    instance.send({ type: 'continueAsync', continuationId });
    const before = JSON.stringify(instance.state);

    expect(() => instance.send({ type: 'continueAsync', continuationId })).toThrow(CommandRejectedError);
    expect(() => instance.send({ type: 'continueAsync', continuationId: 'unknown' })).toThrow(/No async continuation 'unknown'/);
    expect(() => instance.send({ type: 'continueAsync' } as never)).toThrow(/continuationId must be a non-empty string/);
    expect(JSON.stringify(instance.state)).toBe(before);
  });

  it('given two parked continuations, when each job runs, then it continues its own element and a repeated job is rejected while the other still waits', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="call" stageflow:async="true"/>
        <bpmn:userTask id="mail" stageflow:async="true"/>
        <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'call')}${flow('f3', 'fork', 'mail')}
        ${flow('f4', 'call', 'e1')}${flow('f5', 'mail', 'e2')}`),
    );
    const instance = scenario.start();
    const mail = instance.lastOf('AsyncContinuationScheduled', 'mail').continuationId;

    instance.send({ type: 'continueAsync', continuationId: mail });

    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['mail']);
    expect(() => instance.send({ type: 'continueAsync', continuationId: mail })).toThrow(expect.objectContaining({ code: 'TASK_NOT_FOUND' }));
    expect(instance.state).toMatchObject({
      tokens: [
        { nodeId: 'call', wait: 'async' },
        { nodeId: 'mail', wait: 'task' },
      ],
    });
  });

  it('given a parked continuation, when the instance is cancelled, then its later job is rejected', async () => {
    const scenario = await Scenario.deploy(chain('call'));
    const instance = scenario.start({ variables: { owner: 'ann' } });
    const continuationId = instance.lastOf('AsyncContinuationScheduled', 'call').continuationId;

    instance.cancel();

    expect(instance.status).toBe('terminated');
    expect(() => instance.send({ type: 'continueAsync', continuationId })).toThrow(CommandRejectedError);
  });

  it('given an async activity in a loop, when it is reached again, then every arrival parks with a new continuation', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:manualTask id="touch" stageflow:async="true">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= append(touched, 1)" target="touched"/></stageflow:ioMapping></bpmn:extensionElements>
        </bpmn:manualTask>
        <bpmn:exclusiveGateway id="more" default="done"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'touch')}
        ${flow('f2', 'touch', 'more')}
        ${flow('again', 'more', 'touch', '= count(touched) < 2')}
        ${flow('done', 'more', 'end')}`),
    );
    const instance = scenario.start({ variables: { touched: [] } });

    instance.continueAsync('touch');
    expect(instance.lastEffects).toContainEqual(expect.objectContaining({ type: 'AsyncContinuationScheduled', elementId: 'touch' }));
    instance.continueAsync('touch');

    const ids = instance.effectsOf('AsyncContinuationScheduled').map((effect) => effect.continuationId);
    expect(new Set(ids).size).toBe(2);
    expect(instance.variables).toEqual({ touched: [1, 1] });
    expect(instance.status).toBe('completed');
  });

  it('given a failing input mapping, when the continuation runs, then the incident is raised in the continuation, not at the arrival', async () => {
    const scenario = await Scenario.deploy(chain('call'));
    const instance = scenario.start({ variables: {} });
    expect(instance.status).toBe('active');

    instance.continueAsync('call');

    expect(instance.status).toBe('incident');
    expect(instance.incidents()).toEqual([expect.objectContaining({ elementId: 'call', message: expect.stringContaining("Input mapping 'who'") })]);
  });
});
