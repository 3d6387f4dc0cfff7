// Properties of multi-instance over random collections, completion orders and completion
// conditions: every inner task ends exactly once (completed or cancelled), the output list
// is in collection order whatever the completion order, the body leaves exactly once and
// leaves no scope behind.
import fc from 'fast-check';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const diagram = (sequential: boolean, enough: number | undefined) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="review">
      <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= null" target="score"/></stageflow:ioMapping></bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}" stageflow:collection="= items" stageflow:elementVariable="item"
          stageflow:outputCollection="scores" stageflow:outputElement="= score">${
            enough === undefined
              ? ''
              : `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">= nrOfCompletedInstances &gt;= ${enough}</bpmn:completionCondition>`
          }</bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:userTask id="next"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'review')}${flow('f2', 'review', 'next')}${flow('f3', 'next', 'end')}`);

describe('multi-instance (properties)', () => {
  it('given any collection, completion order and completion condition, then tasks end once, outputs keep collection order and the body leaves once', async () => {
    const scenarios = new Map<string, Scenario>();
    const deploy = async (sequential: boolean, enough: number | undefined) => {
      const key = `${sequential}/${enough}`;
      if (!scenarios.has(key)) scenarios.set(key, await Scenario.deploy(diagram(sequential, enough)));
      return scenarios.get(key)!;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 7 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (items, sequential, enough, picks) => {
          const instance = (await deploy(sequential, enough)).start({ variables: { items } });
          const completedAt: number[] = [];
          let round = 0;
          for (;;) {
            const open = instance.openTasks().filter((task) => task.elementId === 'review');
            if (open.length === 0) break;
            if (sequential) expect(open).toHaveLength(1);
            const task = open[(picks[round++] ?? 0) % open.length]!;
            const index = (task.variables.loopCounter as number) - 1;
            expect(task.variables.item).toBe(items[index]);
            completedAt.push(index);
            instance.complete(task.taskId, { score: (task.variables.item as number) * 10 });
          }

          const target = enough === undefined ? items.length : Math.min(enough, items.length);
          expect(completedAt).toHaveLength(target);
          if (sequential) expect(completedAt).toEqual(completedAt.map((_, i) => i));
          const created = instance.effectsOf('TaskCreated').filter((task) => task.elementId === 'review');
          const ended = [...instance.effectsOf('TaskCompleted'), ...instance.effectsOf('TaskCancelled')].filter((effect) => effect.elementId === 'review');
          expect(ended.map((effect) => effect.taskId).sort()).toEqual(created.map((task) => task.taskId).sort());
          expect(created).toHaveLength(sequential ? target : items.length);
          expect(instance.variables.scores).toEqual(items.map((item, i) => (completedAt.includes(i) ? item * 10 : null)));
          expect(instance.flowsTaken().filter((id) => id === 'f2')).toHaveLength(1);
          expect(instance.openTasks().map((task) => task.elementId)).toEqual(['next']);
          expect(instance.state).toMatchObject({ scopes: {} });
        },
      ),
      { numRuns: 150 },
    );
  });
});
