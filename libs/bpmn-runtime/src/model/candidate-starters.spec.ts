import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { candidateStartersOf } from './candidate-starters.js';
import { compileBpmn } from './compile-bpmn.js';

const BODY = `<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e')}`;

async function compiled(attributes: string) {
  const result = await compileBpmn(bpmnProcess(BODY, 'p', `isExecutable="true" ${attributes}`));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0]!;
}

describe('candidateStartersOf', () => {
  it('given both attributes, when compiled, then the lists come trimmed, without empty entries, in the graph', async () => {
    const graph = await compiled('stageflow:candidateStarterGroups=" north, managers ,," stageflow:candidateStarterUsers="alice"');

    expect(candidateStartersOf(graph)).toEqual({ groups: ['north', 'managers'], users: ['alice'] });
  });

  it('given only users, when compiled, then the groups are an empty list (starters are declared)', async () => {
    const graph = await compiled('stageflow:candidateStarterUsers="alice, bob"');

    expect(candidateStartersOf(graph)).toEqual({ groups: [], users: ['alice', 'bob'] });
  });

  it('given an empty attribute, when compiled, then starters are declared with nobody in them', async () => {
    const graph = await compiled('stageflow:candidateStarterGroups=""');

    expect(candidateStartersOf(graph)).toEqual({ groups: [], users: [] });
  });

  it('given neither attribute, when compiled, then none are declared', async () => {
    const graph = await compiled('');

    expect(candidateStartersOf(graph)).toBeUndefined();
    expect(graph).not.toHaveProperty('candidateStarters');
  });

  it('given FEEL in either attribute, when compiled, then the process is refused naming it', async () => {
    const result = await compileBpmn(
      bpmnProcess(BODY, 'p', 'isExecutable="true" stageflow:candidateStarterGroups="= teams" stageflow:candidateStarterUsers="= [owner]"'),
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { elementId: 'p', message: 'stageflow:candidateStarterGroups is a literal comma-separated list of names; FEEL is not supported here' },
      { elementId: 'p', message: 'stageflow:candidateStarterUsers is a literal comma-separated list of names; FEEL is not supported here' },
    ]);
  });

  it('given a graph not compiled by compileBpmn, when read, then it is refused', () => {
    expect(() => candidateStartersOf({ format: 'other' } as never)).toThrow('not a process compiled by compileBpmn');
  });
});
