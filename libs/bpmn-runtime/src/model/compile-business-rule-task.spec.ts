import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import type { CompiledProcess } from './process-graph.js';
import { ruleSetReferences } from './rule-set-references.js';

const nodeOf = (graph: unknown, id: string) => (graph as CompiledProcess).nodes[id];

const withTask = (attributes: string, inner = '') =>
  bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:businessRuleTask id="classify" ${attributes}>${inner}</bpmn:businessRuleTask><bpmn:endEvent id="e"/>
    ${flow('f1', 's', 'classify')}${flow('f2', 'classify', 'e')}`);

describe('compiling a business-rule task', () => {
  it('given a rule-set key and a result variable, when compiled, then the task keeps both and ruleSetReferences lists it', async () => {
    const result = await compileBpmn(withTask('stageflow:ruleSet="lead-bant" stageflow:resultVariable="rating"'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(nodeOf(result.processes[0], 'classify')).toEqual(
      expect.objectContaining({ kind: 'businessRuleTask', businessRule: { ruleSet: 'lead-bant', resultVariable: 'rating' } }),
    );
    expect(ruleSetReferences(result.processes[0]!)).toEqual([{ elementId: 'classify', ruleSetKey: 'lead-bant', attribute: 'ruleSet' }]);
  });

  it('given no result variable, when compiled, then the result variable is the key', async () => {
    const result = await compileBpmn(withTask('stageflow:ruleSet="bant"'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(nodeOf(result.processes[0], 'classify')?.businessRule).toEqual({ ruleSet: 'bant', resultVariable: 'bant' });
  });

  it.each([
    ['', 'needs stageflow:ruleSet'],
    ['stageflow:ruleSet="  "', 'needs stageflow:ruleSet'],
    ['stageflow:ruleSet="= leadKind"', 'not an expression'],
    ['stageflow:ruleSet="lead bant"', 'is not a rule-set key'],
    ['stageflow:ruleSet="bant" stageflow:resultVariable="__proto__"', 'is not a variable name'],
    ['stageflow:ruleSet="bant" stageflow:resultVariable="= x"', 'is not a variable name'],
  ])('given the attributes %s, when compiled, then it is refused naming the task (%s)', async (attributes, message) => {
    const result = await compileBpmn(withTask(attributes));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ elementId: 'classify', message: expect.stringContaining(message) }));
  });

  it('given multi-instance on a business-rule task, when compiled, then it is refused naming the task', async () => {
    const result = await compileBpmn(withTask('stageflow:ruleSet="bant"', '<bpmn:multiInstanceLoopCharacteristics stageflow:collection="= leads"/>'));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ elementId: 'classify' }));
  });
});
