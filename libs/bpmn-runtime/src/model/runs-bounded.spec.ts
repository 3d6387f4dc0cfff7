import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import { runsBounded } from './runs-bounded.js';

const ROOTS = `<bpmn:message id="m" name="signed" stageflow:correlationKey="= offerId"/><bpmn:message id="slow" name="slow" stageflow:correlationKey="= some x in ids satisfies x = 1"/>
  <bpmn:error id="err" errorCode="REJECTED"/>`;
const io = (mappings: string) => `<bpmn:extensionElements><stageflow:ioMapping>${mappings}</stageflow:ioMapping></bpmn:extensionElements>`;

async function graphOf(body: string) {
  const result = await compileBpmn(bpmnProcess(body).replace('<bpmn:process', `${ROOTS}<bpmn:process`));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0]!;
}

/** start -> gateway -(condition)-> `task` -> end, the gateway's default -> end. */
const gated = (condition: string, task = '<bpmn:userTask id="task"/>') => `
  <bpmn:startEvent id="start"/>
  <bpmn:exclusiveGateway id="gw" default="toSkip"/>
  ${task}
  <bpmn:endEvent id="end"/><bpmn:endEvent id="skipped"/>
  ${flow('f1', 'start', 'gw')}${flow('toTask', 'gw', 'task', condition)}${flow('toSkip', 'gw', 'skipped')}${flow('f2', 'task', 'end')}`;

/** start -> merge -> `body` (entered at `first`, left at `last`) -> split -(again)-> merge, default -> end. */
const looping = (body: string, first: string, last: string) => `
  <bpmn:startEvent id="start"/>
  <bpmn:exclusiveGateway id="merge"/>
  ${body}
  <bpmn:exclusiveGateway id="split" default="done"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'merge')}${flow('f2', 'merge', first)}${flow('f3', last, 'split')}${flow('again', 'split', 'merge', '= n < 3')}${flow('done', 'split', 'end')}`;

describe('runsBounded', () => {
  it('given a lead process with simple conditions, mappings, task attributes and a correlation key, then it runs bounded', async () => {
    const graph = await graphOf(`
      ${gated('= budget > 1000 and string length(name) > 3', `<bpmn:userTask id="task" stageflow:dueDate="= now() + duration(&quot;P3D&quot;)" stageflow:priority="= if vip then 1 else 2">${io('<stageflow:input source="= lead.owner" target="owner"/>')}</bpmn:userTask>`)}
      <bpmn:boundaryEvent id="won" attachedToRef="task"><bpmn:messageEventDefinition messageRef="m"/></bpmn:boundaryEvent>
      ${flow('f3', 'won', 'end')}`);

    expect(runsBounded(graph)).toBe(true);
  });

  it.each([
    ['a condition with a catastrophic regular expression', gated('= matches(name, "(a+)+$")')],
    [
      'an output mapping with a for loop',
      gated('= true', `<bpmn:userTask id="task">${io('<stageflow:output source="= for i in 1..100000000 return i" target="all"/>')}</bpmn:userTask>`),
    ],
    ['a task attribute with a filter', gated('= true', '<bpmn:userTask id="task" stageflow:assignee="= owners[active][1]"/>')],
    [
      'a timer parsed from a variable',
      gated(
        '= true',
        '<bpmn:intermediateCatchEvent id="task"><bpmn:timerEventDefinition><bpmn:timeDuration>= duration(delay)</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      ),
    ],
    ['a correlation key with a quantifier', gated('= true', '<bpmn:receiveTask id="task" messageRef="slow"/>')],
    ['a business-rule task', gated('= true', '<bpmn:businessRuleTask id="task" stageflow:ruleSet="bant"/>')],
    [
      'a multi-instance task',
      gated('= true', '<bpmn:userTask id="task"><bpmn:multiInstanceLoopCharacteristics stageflow:collection="= reviewers"/></bpmn:userTask>'),
    ],
  ])('given %s, then it does not run bounded', async (_label, body) => {
    expect(runsBounded(await graphOf(body))).toBe(false);
  });

  it('given a loop through a user task, then it runs bounded: each turn is another command', async () => {
    expect(runsBounded(await graphOf(looping('<bpmn:userTask id="task"/>', 'task', 'task')))).toBe(true);
  });

  it('given a loop of manual tasks only, then it does not run bounded: one command turns until the step limit', async () => {
    const body = `<bpmn:manualTask id="a">${io('<stageflow:output source="= s + s" target="s"/>')}</bpmn:manualTask><bpmn:manualTask id="b"/>${flow('ab', 'a', 'b')}`;

    expect(runsBounded(await graphOf(looping(body, 'a', 'b')))).toBe(false);
  });

  it('given a subprocess whose error boundary leads back before it, then it does not run bounded; leading on, it does', async () => {
    const failing = (target: string) => `
      <bpmn:startEvent id="start"/>
      <bpmn:exclusiveGateway id="merge"/>
      <bpmn:subProcess id="sub">
        <bpmn:startEvent id="inner"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('i1', 'inner', 'fail')}
      </bpmn:subProcess>
      <bpmn:boundaryEvent id="rejected" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
      <bpmn:manualTask id="retry"/>
      <bpmn:endEvent id="end"/>${target === 'merge' ? '' : `<bpmn:endEvent id="${target}"/>`}
      ${flow('f1', 'start', 'merge')}${flow('f2', 'merge', 'sub')}${flow('f3', 'sub', 'end')}${flow('r1', 'rejected', 'retry')}${flow('r2', 'retry', target)}`;

    expect(runsBounded(await graphOf(failing('merge')))).toBe(false);
    expect(runsBounded(await graphOf(failing('gaveUp')))).toBe(true);
  });

  it('given a foreign graph, then it is refused', () => {
    expect(() => runsBounded({ id: 'x' })).toThrow(/not a process compiled by compileBpmn/);
  });
});
