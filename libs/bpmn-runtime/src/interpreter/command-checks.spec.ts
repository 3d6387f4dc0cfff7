import { CommandRejectedError } from '../contract/interpret.js';
import type { InstanceState } from '../contract/state.js';
import { compileBpmn } from '../model/compile-bpmn.js';
import type { CompiledProcess } from '../model/process-graph.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { interpret } from './interpret.js';

// What interpret checks before it runs a command, and what the start command itself records:
// each refusal has its code (what the engine maps to HTTP) and a message naming the problem.
const TASK = bpmnProcess(`
  <bpmn:startEvent id="start"/><bpmn:userTask id="qualify"/><bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'qualify')}${flow('f2', 'qualify', 'end')}`);

async function graphOf(xml: string): Promise<CompiledProcess> {
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0] as CompiledProcess;
}

const now = '2024-01-01T00:00:00.000Z';
const options = () => {
  let n = 0;
  return { now, newId: () => `id-${++n}` };
};
type Command = Parameters<typeof interpret>[2];

function rejection(graph: Parameters<typeof interpret>[0], state: InstanceState | undefined, command: Command): { code: string; message: string } {
  try {
    interpret(graph, state, command, options());
  } catch (error) {
    if (error instanceof CommandRejectedError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('The command was accepted');
}

describe('interpret: checks before a command runs', () => {
  it('given a graph that compileBpmn did not produce, when a command is sent, then it is refused as an invalid command', () => {
    expect(rejection({ id: 'p' }, undefined, { type: 'start' })).toEqual({
      code: 'INVALID_COMMAND',
      message: 'The graph is not a process compiled by compileBpmn',
    });
  });

  it('given a started instance, when it is started again, then it is refused as an invalid command', async () => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());

    expect(rejection(graph, state, { type: 'start' })).toEqual({ code: 'INVALID_COMMAND', message: 'The instance has already been started' });
  });

  it('given no state, when a command other than start is sent, then the instance is not active', async () => {
    const graph = await graphOf(TASK);

    expect(rejection(graph, undefined, { type: 'cancel' })).toEqual({ code: 'INSTANCE_NOT_ACTIVE', message: 'The instance has not been started' });
  });

  it('given a state this interpreter did not produce, when a command is sent, then it is refused as an invalid command', async () => {
    const graph = await graphOf(TASK);
    const foreign = { status: 'active', variables: {}, tokens: [] } as unknown as InstanceState;

    expect(rejection(graph, foreign, { type: 'cancel' })).toEqual({ code: 'INVALID_COMMAND', message: 'The state was not produced by this interpreter' });
  });

  it('given a state with a token at an element the graph does not have, when a command is sent, then it is refused naming the process', async () => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());
    const otherVersion = { ...graph, nodes: { ...graph.nodes, qualify: undefined } } as unknown as CompiledProcess;

    expect(rejection(otherVersion, state, { type: 'cancel' })).toEqual({
      code: 'INVALID_COMMAND',
      message: "The state does not belong to this version of process 'p'",
    });
  });

  it('given a task id that is not open, when it is completed, then it is refused as not found naming the task', async () => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());

    expect(rejection(graph, state, { type: 'completeTask', taskId: 'nope' })).toEqual({
      code: 'TASK_NOT_FOUND',
      message: "No open task 'nope' in this instance",
    });
  });
});

describe('interpret: the start command', () => {
  it('given a business key, when started, then the state keeps it; without one, the state has none', async () => {
    const graph = await graphOf(TASK);

    expect(interpret(graph, undefined, { type: 'start', businessKey: 'ACME-7' }, options()).state.businessKey).toBe('ACME-7');
    expect(Object.keys(interpret(graph, undefined, { type: 'start' }, options()).state)).not.toContain('businessKey');
  });

  it('given start variables, when started, then their change is the first effect; without variables, no change is reported', async () => {
    const graph = await graphOf(TASK);

    const withVariables = interpret(graph, undefined, { type: 'start', variables: { budget: 5 } }, options());
    const without = interpret(graph, undefined, { type: 'start', variables: {} }, options());

    expect(withVariables.effects[0]).toEqual({ type: 'VariablesChanged', changes: { budget: 5 } });
    expect(without.effects.map((effect) => effect.type)).not.toContain('VariablesChanged');
  });
});

describe('interpret: the setVariables command', () => {
  it('given no variables, when set, then nothing is reported as changed', async () => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());

    expect(interpret(graph, state, { type: 'setVariables', variables: {} }, options()).effects).toEqual([]);
  });
});

describe('interpret: the ids the engine passes back', () => {
  // Each command is checked for the ids it needs before anything is looked up, so a missing
  // or empty one is named, whichever command carries it.
  const cases: [Command, string][] = [
    [{ type: 'retryIncident' } as Command, 'incidentId'],
    [{ type: 'retryIncident', incidentId: '' }, 'incidentId'],
    [{ type: 'continueAsync', continuationId: 7 } as unknown as Command, 'continuationId'],
    [{ type: 'completeCalledProcess' } as Command, 'callId'],
    [{ type: 'failCalledProcess', errorCode: 'LOST' } as Command, 'callId'],
    [{ type: 'failCalledProcess', callId: 'c-1' } as Command, 'errorCode'],
    [{ type: 'escalateCalledProcess', escalationCode: 'VIP' } as Command, 'callId'],
    [{ type: 'escalateCalledProcess', callId: 'c-1' } as Command, 'escalationCode'],
    [{ type: 'completeAction' } as Command, 'actionId'],
    [{ type: 'failAction', errorCode: 'DOWN' } as Command, 'actionId'],
    [{ type: 'failAction', actionId: 'a-1' } as Command, 'errorCode'],
  ];

  it.each(cases)('given %j, when sent, then it is refused naming %s', async (command, field) => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());

    expect(rejection(graph, state, command)).toEqual({ code: 'INVALID_COMMAND', message: `${field} must be a non-empty string` });
  });

  it.each([
    [{ type: 'completeCalledProcess', callId: 'c-1', variables: [] } as unknown as Command],
    [{ type: 'completeAction', actionId: 'a-1', variables: 'done' } as unknown as Command],
    [{ type: 'completeTask', taskId: 't-1', variables: null } as unknown as Command],
  ])('given %j, when sent, then it is refused because the variables are not an object', async (command) => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());

    expect(rejection(graph, state, command)).toEqual({ code: 'INVALID_COMMAND', message: 'variables must be an object' });
  });

  it('given a command type interpret does not know, when sent, then it is refused naming the type', async () => {
    const graph = await graphOf(TASK);
    const { state } = interpret(graph, undefined, { type: 'start' }, options());

    expect(rejection(graph, state, { type: 'reopen' } as unknown as Command)).toEqual({ code: 'INVALID_COMMAND', message: "Unknown command 'reopen'" });
  });
});
