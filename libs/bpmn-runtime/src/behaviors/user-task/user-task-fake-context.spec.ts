// The user task behavior run against a hand-made ExecutionContext instead of the run loop:
// behaviors depend on the interface only, so a behavior can be tested move by move.
import type { Effect } from '../../contract/effects.js';
import type { Variables } from '../../contract/state.js';
import type { ExecutionContext } from '../../context/execution-context.js';
import type { GraphNode } from '../../model/process-graph.js';
import { ROOT_SCOPE, type RuntimeState, type Token } from '../../state/instance-state.js';
import { userTaskBehavior } from './user-task.behavior.js';

/** Only the members a test gives; any other one throws, so a test lists what the behavior uses. */
function fakeContext(given: Partial<ExecutionContext>): ExecutionContext {
  return new Proxy(given, {
    get(target, member) {
      if (member in target) return target[member as keyof ExecutionContext];
      throw new Error(`the fake ExecutionContext has no '${String(member)}'`);
    },
  }) as ExecutionContext;
}

const task: GraphNode = { id: 'qualify', type: 'bpmn:UserTask', kind: 'userTask', name: 'Qualify lead', scope: 'lead', incoming: ['f1'], outgoing: ['f2'] };

function given(variables: Variables): { token: Token; state: RuntimeState } {
  const token: Token = { id: 'token-1', nodeId: 'qualify', scopeId: ROOT_SCOPE };
  return { token, state: { status: 'active', variables, tokens: [token], scopes: {} } };
}

describe('user task against a fake ExecutionContext', () => {
  it('given a user task without mappings, when a token enters, then it waits on a new task and TaskCreated carries the visible variables', () => {
    const { token, state } = given({ owner: 'ann' });
    const effects: Effect[] = [];
    const execution = fakeContext({
      state,
      newId: () => 'task-1',
      applyInputs: () => true,
      park: (parked, wait) => {
        parked.wait = wait;
      },
      emit: (effect) => effects.push(effect),
    });

    userTaskBehavior.enter(execution, token, task, 'f1');

    expect(token).toMatchObject({ wait: 'task', taskId: 'task-1' });
    expect(effects).toEqual([
      { type: 'TaskCreated', taskId: 'task-1', elementId: 'qualify', name: 'Qualify lead', candidateGroups: [], variables: { owner: 'ann' } },
    ]);
  });

  it('given a waiting user task, when it is completed, then TaskCompleted is emitted, the variables go to the nearest scope and the activity completes', () => {
    const { token, state } = given({});
    Object.assign(token, { wait: 'task', taskId: 'task-1' });
    const effects: Effect[] = [];
    const written: [string, Variables][] = [];
    const completed: string[] = [];
    const execution = fakeContext({
      state,
      emit: (effect) => effects.push(effect),
      writeNearest: (scopeId, changes) => written.push([scopeId, changes]),
      completeActivity: (_token, node) => {
        completed.push(node.id);
        return true;
      },
    });

    userTaskBehavior.completeTask!(execution, token, task, { score: 80 });

    expect(effects).toEqual([{ type: 'TaskCompleted', taskId: 'task-1', elementId: 'qualify', variables: { score: 80 } }]);
    expect(token.taskId).toBeUndefined();
    expect(written).toEqual([[ROOT_SCOPE, { score: 80 }]]);
    expect(completed).toEqual(['qualify']);
  });
});
