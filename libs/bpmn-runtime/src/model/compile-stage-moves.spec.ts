// A stage's user task declares the moves it accepts (stageflow:moves) and their exit criteria
// (stageflow:exitCriteria); a move is a completion with stageMove, routed by ordinary gateways.
import { variablesAtTask } from '../state/tokens-of.js';
import { Scenario } from '../testing/scenario.js';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import type { CompiledProcess } from './process-graph.js';
import { exitCriteriaReferences, ruleSetReferences } from './rule-set-references.js';
import { stageElements } from './stage-elements.js';

const nodeOf = (graph: unknown, id: string) => (graph as CompiledProcess).nodes[id];

/** Qualification -> Offer, or Lost (an end event with a stage). */
const deal = (qualify = 'stageflow:moves="Offer, Lost" stageflow:exitCriteria="qualification-exit"') =>
  bpmnProcess(`<bpmn:startEvent id="s"/>
    <bpmn:userTask id="qualify" name="Qualify" stageflow:stage="Qualification" ${qualify}/>
    <bpmn:exclusiveGateway id="where" default="toOffer"/>
    <bpmn:userTask id="offer" name="Offer" stageflow:stage="Offer" stageflow:moves="Lost"/>
    <bpmn:endEvent id="lost" stageflow:stage="Lost"/>
    <bpmn:endEvent id="done"/>
    ${flow('f1', 's', 'qualify')}${flow('f2', 'qualify', 'where')}
    ${flow('toLost', 'where', 'lost', '= stageMove = "Lost"')}${flow('toOffer', 'where', 'offer')}
    ${flow('f3', 'offer', 'done')}`);

async function problemsOf(xml: string) {
  const result = await compileBpmn(xml);
  return result.ok ? [] : result.problems;
}

describe('stages and the moves they accept', () => {
  it('given a stage task with moves and exit criteria, when compiled, then the node keeps them and the helpers list them', async () => {
    const result = await compileBpmn(deal());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const graph = result.processes[0]!;

    expect(nodeOf(graph, 'qualify')?.stageMoves).toEqual({ moves: ['Offer', 'Lost'], exitCriteria: 'qualification-exit' });
    expect(nodeOf(graph, 'offer')?.stageMoves).toEqual({ moves: ['Lost'] });
    expect(exitCriteriaReferences(graph)).toEqual([{ elementId: 'qualify', ruleSetKey: 'qualification-exit', attribute: 'exitCriteria' }]);
    // The interpreter never evaluates exit criteria: they are not shipped with commands.
    expect(ruleSetReferences(graph)).toEqual([]);
    expect(stageElements(graph)).toEqual({
      qualify: { elementId: 'qualify', name: 'Qualify', stage: 'Qualification', moves: ['Offer', 'Lost'], exitCriteria: 'qualification-exit' },
      offer: { elementId: 'offer', name: 'Offer', stage: 'Offer', moves: ['Lost'] },
      lost: { elementId: 'lost', stage: 'Lost', moves: [] },
    });
  });

  it('given a move completing the stage task, when the gateway routes it to an end event with a stage, then that stage is entered', async () => {
    const scenario = await Scenario.deploy(deal());
    const instance = scenario.start();
    const task = instance.task('qualify');
    expect(variablesAtTask(instance.state!, task.taskId)).toEqual({});
    expect(variablesAtTask(instance.state!, 'no-such-task')).toBeUndefined();

    instance.complete('qualify', { stageMove: 'Lost', stageMoveReason: 'no budget' });

    expect(instance.lastEffects).toContainEqual({ type: 'ElementEntered', elementId: 'lost', elementType: 'bpmn:EndEvent', stage: 'Lost' });
    expect(instance.status).toBe('completed');
    expect(instance.variables).toMatchObject({ stageMove: 'Lost', stageMoveReason: 'no budget' });
  });

  it('given a task inside a subprocess, then variablesAtTask sees its scope and the instance, inner ones winning', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:subProcess id="sub">
        <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= &quot;inner&quot;" target="who"/></stageflow:ioMapping></bpmn:extensionElements>
        <bpmn:startEvent id="ss"/><bpmn:userTask id="t"/><bpmn:endEvent id="se"/>${flow('g1', 'ss', 't')}${flow('g2', 't', 'se')}</bpmn:subProcess>
        <bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`),
    );
    const instance = scenario.start({ variables: { who: 'outer', budget: 5 } });
    expect(variablesAtTask(instance.state!, instance.task('t').taskId)).toEqual({ who: 'inner', budget: 5 });
  });

  it.each([
    ['stageflow:moves="Offer, Won"', "stageflow:moves names the stage 'Won', which no element of the process has (stages: Lost, Offer, Qualification)"],
    ['stageflow:moves="Offer, , Lost"', "stageflow:moves 'Offer, , Lost' has an empty entry"],
    ['stageflow:moves="Offer, Offer"', "stageflow:moves names 'Offer' twice"],
    ['stageflow:moves="Qualification"', "stageflow:moves names the element's own stage 'Qualification': a move goes to another stage"],
    ['stageflow:moves=" "', 'stageflow:moves must list the stages a move may go to (e.g. "Offer, Lost")'],
    ['stageflow:moves="= nextStages"', "stageflow:moves is a literal comma-separated list of stages, not an expression ('= nextStages')"],
    ['stageflow:exitCriteria="qualification-exit"', 'stageflow:moves must list the stages a move may go to (e.g. "Offer, Lost")'],
    ['stageflow:moves="Offer" stageflow:exitCriteria="= rules"', "stageflow:exitCriteria must be a rule-set key, not an expression ('= rules')"],
    ['stageflow:moves="Offer" stageflow:exitCriteria="exit criteria"', "stageflow:exitCriteria 'exit criteria' is not a rule-set key"],
  ])('given the stage task with %s, when compiled, then it is refused naming the task', async (attributes, message) => {
    expect(await problemsOf(deal(attributes))).toContainEqual({ elementId: 'qualify', message: expect.stringContaining(message) });
  });

  it('given moves on a task without a stage, a multi-instance task or an element that is no user task, then each is refused naming it', async () => {
    const xml = bpmnProcess(`<bpmn:startEvent id="s" stageflow:moves="B"/>
      <bpmn:userTask id="a" stageflow:moves="B"/>
      <bpmn:userTask id="b" stageflow:stage="B" stageflow:moves="A2"><bpmn:multiInstanceLoopCharacteristics stageflow:collection="= xs"/></bpmn:userTask>
      <bpmn:manualTask id="c" stageflow:stage="A2" stageflow:exitCriteria="x"/>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'c')}${flow('f4', 'c', 'e')}`);
    expect(await problemsOf(xml)).toEqual([
      { elementId: 's', message: 'stageflow:moves is only supported on user tasks (the task a stage waits at), not on bpmn:StartEvent' },
      { elementId: 'a', message: 'stageflow:moves needs stageflow:stage: the stage the moves leave' },
      { elementId: 'b', message: 'stageflow:moves is not supported on a multi-instance user task (a move completes one task)' },
      { elementId: 'c', message: 'stageflow:exitCriteria is only supported on user tasks (the task a stage waits at), not on bpmn:ManualTask' },
    ]);
  });
});
