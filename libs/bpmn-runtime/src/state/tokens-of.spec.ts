import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario } from '../testing/scenario.js';
import { tokensOf } from './tokens-of.js';

describe('tokensOf', () => {
  const forkJoin = bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:parallelGateway id="fork"/>
    <bpmn:userTask id="a"/>
    <bpmn:userTask id="b"/>
    <bpmn:parallelGateway id="join"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'fork')}
    ${flow('fa', 'fork', 'a')}
    ${flow('fb', 'fork', 'b')}
    ${flow('ja', 'a', 'join')}
    ${flow('jb', 'b', 'join')}
    ${flow('f2', 'join', 'end')}`);

  it('given tokens parked at user tasks, when read, then each names its element, scope, wait and task', async () => {
    const instance = (await Scenario.deploy(forkJoin)).start();

    const tokens = tokensOf(instance.state!);

    expect(tokens).toEqual([
      { id: expect.any(String), elementId: 'a', scopeId: 'root', wait: 'task', taskId: instance.task('a').taskId },
      { id: expect.any(String), elementId: 'b', scopeId: 'root', wait: 'task', taskId: instance.task('b').taskId },
    ]);
  });

  it('given one branch completed, when read, then its token waits at the join with no task', async () => {
    const instance = (await Scenario.deploy(forkJoin)).start();
    instance.complete('a');

    const tokens = tokensOf(instance.state!);

    expect(tokens.find((token) => token.elementId === 'join')).toEqual({ id: expect.any(String), elementId: 'join', scopeId: 'root', wait: 'join' });
    expect(tokens.map((token) => token.elementId).sort()).toEqual(['b', 'join']);
  });

  it('given a completed instance, when read, then there are no tokens', async () => {
    const instance = (await Scenario.deploy(forkJoin)).start();
    instance.complete('a').complete('b');

    expect(instance.status).toBe('completed');
    expect(tokensOf(instance.state!)).toEqual([]);
  });

  it('given a state without the interpreter layout, when read, then there are no tokens', () => {
    expect(tokensOf({ status: 'active', variables: {} })).toEqual([]);
  });
});
