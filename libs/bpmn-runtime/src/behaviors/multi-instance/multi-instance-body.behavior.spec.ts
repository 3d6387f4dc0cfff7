import { compileBpmn } from '../../model/compile-bpmn.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const loop = (attributes: string, condition = '') =>
  `<bpmn:multiInstanceLoopCharacteristics ${attributes}>${condition ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${condition.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</bpmn:completionCondition>` : ''}</bpmn:multiInstanceLoopCharacteristics>`;

const around = (activity: string) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    ${activity}
    <bpmn:userTask id="next"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'review')}
    ${flow('f2', 'review', 'next')}
    ${flow('f3', 'next', 'end')}`);

const reviewTask = (loopXml: string, extra = '') => around(`<bpmn:userTask id="review" stageflow:assignee="= reviewer">${extra}${loopXml}</bpmn:userTask>`);

const PARALLEL =
  'stageflow:collection="= reviewers" stageflow:elementVariable="reviewer" stageflow:outputCollection="verdicts" stageflow:outputElement="= verdict"';
const SEQUENTIAL = `isSequential="true" ${PARALLEL}`;

const taskOf = (instance: ReturnType<Scenario['start']>, assignee: string) => instance.openTasks().find((task) => task.assignee === assignee)!.taskId;

describe('multi-instance', () => {
  it('given a parallel multi-instance user task, when reached, then one task per item is created in order, each with its item and loopCounter', async () => {
    const scenario = await Scenario.deploy(reviewTask(loop(PARALLEL)));

    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob', 'cy'] } });

    expect(instance.openTasks().map((task) => [task.assignee, task.variables.reviewer, task.variables.loopCounter])).toEqual([
      ['ann', 'ann', 1],
      ['bob', 'bob', 2],
      ['cy', 'cy', 3],
    ]);
    expect(instance.entered()).toEqual(['start', 'review', 'review', 'review', 'review']);
    expect(instance.state).toMatchObject({
      tokens: [{ nodeId: 'review', scopeId: 'root', wait: 'multiInstance' }, { wait: 'task' }, { wait: 'task' }, { wait: 'task' }],
    });
  });

  it('given inner instances completing out of order, when all are done, then the output collection is in collection order and the body leaves once', async () => {
    const scenario = await Scenario.deploy(
      reviewTask(
        loop(PARALLEL),
        '<bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= null" target="verdict"/></stageflow:ioMapping></bpmn:extensionElements>',
      ),
    );
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob', 'cy'] } });

    instance.complete(taskOf(instance, 'cy'), { verdict: 'no' });
    instance.complete(taskOf(instance, 'ann'), { verdict: 'yes' });
    expect(instance.openTasks().map((task) => task.assignee)).toEqual(['bob']);
    instance.complete(taskOf(instance, 'bob'), { verdict: 'maybe' });

    expect(instance.variables).toEqual({ reviewers: ['ann', 'bob', 'cy'], verdicts: ['yes', 'maybe', 'no'] });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['next']);
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'review')).toHaveLength(4);
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given a sequential multi-instance, when each inner instance completes, then the next one starts with the next item', async () => {
    const scenario = await Scenario.deploy(reviewTask(loop(SEQUENTIAL)));
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });
    expect(instance.openTasks().map((task) => task.assignee)).toEqual(['ann']);

    instance.complete('review', { verdict: 'yes' });
    expect(instance.openTasks().map((task) => [task.assignee, task.variables.loopCounter])).toEqual([['bob', 2]]);
    instance.complete('review', { verdict: 'no' });

    expect(instance.variables.verdicts).toEqual(['yes', 'no']);
    expect(instance.task('next')).toBeDefined();
  });

  it('given a completion condition, when it becomes true, then the remaining inner instances are cancelled and their slots stay null', async () => {
    const scenario = await Scenario.deploy(reviewTask(loop(PARALLEL, '= verdict = "veto" or nrOfCompletedInstances >= 3')));
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob', 'cy', 'dee'], verdict: null } });
    const open = instance.openTasks().map((task) => task.taskId);

    instance.complete(taskOf(instance, 'bob'), { verdict: 'ok' });
    expect(instance.openTasks()).toHaveLength(3);
    instance.complete(taskOf(instance, 'dee'), { verdict: 'veto' });

    expect(instance.lastEffects.filter((effect) => effect.type === 'TaskCancelled').map((effect) => (effect as { taskId: string }).taskId)).toEqual([
      open[0],
      open[2],
    ]);
    expect(instance.variables.verdicts).toEqual([null, 'ok', null, 'veto']);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['next']);
  });

  it('given a completion condition over the counters, when evaluated, then nrOfInstances, nrOfCompletedInstances and nrOfActiveInstances are visible', async () => {
    const scenario = await Scenario.deploy(
      around(
        `<bpmn:manualTask id="review">${loop('stageflow:collection="= [1, 2, 3]" stageflow:outputCollection="seen" stageflow:outputElement="= loopCounter"', '= nrOfCompletedInstances = nrOfInstances - nrOfActiveInstances and nrOfActiveInstances = 1')}</bpmn:manualTask>`,
      ),
    );

    const instance = scenario.start();

    // After the second of three completions: 2 completed, 1 still active -> the third is cancelled.
    expect(instance.variables.seen).toEqual([1, 2, null]);
    expect(instance.task('next')).toBeDefined();
  });

  it('given an empty collection, when reached, then the activity is skipped and the output collection is empty', async () => {
    const scenario = await Scenario.deploy(reviewTask(loop(PARALLEL)));

    const instance = scenario.start({ variables: { reviewers: [] } });

    expect(instance.effectsOf('TaskCreated').map((task) => task.elementId)).toEqual(['next']);
    expect(instance.variables.verdicts).toEqual([]);
  });

  it('given a collection that is not a list, when reached, then the body has an incident; after the list is fixed a retry runs it', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="fix"/>
        <bpmn:userTask id="review" stageflow:assignee="= reviewer">${loop(PARALLEL)}</bpmn:userTask>
        <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'fix')}${flow('f3', 'fork', 'review')}${flow('f4', 'fix', 'e1')}${flow('f5', 'review', 'e2')}`),
    );
    const instance = scenario.start({ variables: { reviewers: 'ann' } });
    expect(instance.status).toBe('incident');
    expect(instance.lastOf('IncidentRaised', 'review').message).toBe(`stageflow:collection of 'review' ('= reviewers') gave string "ann" instead of a list`);

    instance.complete('fix', { reviewers: ['ann'] }).retryIncident('review');

    expect(instance.status).toBe('active');
    expect(instance.task('review').assignee).toBe('ann');
  });

  it('given a multi-instance subprocess, when reached, then each inner instance runs the subprocess in its own scope', async () => {
    const scenario = await Scenario.deploy(
      around(`<bpmn:subProcess id="review">
        ${loop('stageflow:collection="= products" stageflow:elementVariable="product" stageflow:outputCollection="quotes" stageflow:outputElement="= price"')}
        <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= 0" target="price"/></stageflow:ioMapping></bpmn:extensionElements>
        <bpmn:startEvent id="s"/><bpmn:userTask id="quote"/><bpmn:endEvent id="se"/>
        ${flow('s1', 's', 'quote')}${flow('s2', 'quote', 'se')}
      </bpmn:subProcess>`),
    );
    const instance = scenario.start({ variables: { products: ['crm', 'erp'] } });
    const [crm, erp] = instance.openTasks();
    expect([crm!.variables.product, erp!.variables.product]).toEqual(['crm', 'erp']);

    instance.complete(erp!.taskId, { price: 20 }).complete(crm!.taskId, { price: 10 });

    expect(instance.variables).toEqual({ products: ['crm', 'erp'], quotes: [10, 20] });
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given a multi-instance subprocess holding a multi-instance task, when worked, then every pair gets its own task and the results nest', async () => {
    const scenario = await Scenario.deploy(
      around(`<bpmn:subProcess id="review">
        ${loop('stageflow:collection="= regions" stageflow:elementVariable="region" stageflow:outputCollection="byRegion" stageflow:outputElement="= scores"')}
        <bpmn:startEvent id="s"/>
        <bpmn:userTask id="rate" stageflow:assignee="= region + &quot;/&quot; + rep">${loop('stageflow:collection="= reps" stageflow:elementVariable="rep" stageflow:outputCollection="scores" stageflow:outputElement="= loopCounter * 10"')}</bpmn:userTask>
        <bpmn:endEvent id="se"/>
        ${flow('s1', 's', 'rate')}${flow('s2', 'rate', 'se')}
      </bpmn:subProcess>`),
    );
    const instance = scenario.start({ variables: { regions: ['north', 'south'], reps: ['ann', 'bob'] } });
    expect(instance.openTasks().map((task) => task.assignee)).toEqual(['north/ann', 'north/bob', 'south/ann', 'south/bob']);

    for (const task of instance.openTasks().reverse()) instance.complete(task.taskId);

    expect(instance.variables.byRegion).toEqual([
      [10, 20],
      [10, 20],
    ]);
    expect(instance.task('next')).toBeDefined();
    expect(instance.state).toMatchObject({ scopes: {} });
  });

  it('given a terminate end event inside one inner subprocess instance, when reached, then only that inner instance ends', async () => {
    const scenario = await Scenario.deploy(
      around(`<bpmn:subProcess id="review">
        ${loop('stageflow:collection="= [true, false]" stageflow:elementVariable="stop"')}
        <bpmn:startEvent id="s"/>
        <bpmn:parallelGateway id="split"/>
        <bpmn:userTask id="a"/>
        <bpmn:exclusiveGateway id="x" default="toEnd"/>
        <bpmn:endEvent id="se"/>
        <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
        ${flow('s1', 's', 'split')}${flow('s2', 'split', 'a')}${flow('s3', 'split', 'x')}${flow('s4', 'a', 'se')}
        ${flow('toKill', 'x', 'kill', '= stop')}${flow('toEnd', 'x', 'se')}
      </bpmn:subProcess>`),
    );

    const instance = scenario.start();

    expect(instance.effectsOf('TaskCancelled')).toHaveLength(1);
    expect(instance.openTasks().map((task) => [task.elementId, task.variables.stop])).toEqual([['a', false]]);
    instance.complete('a');
    expect(instance.task('next')).toBeDefined();
  });

  it('given a multi-instance call activity, when reached, then each item starts a child; cancelling the parent cancels every child', async () => {
    const scenario = await Scenario.deploy(
      around(`<bpmn:callActivity id="review" calledElement="onboarding">
        ${loop('stageflow:collection="= contacts" stageflow:elementVariable="contact"')}
        <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= contact" target="email"/></stageflow:ioMapping></bpmn:extensionElements>
      </bpmn:callActivity>`),
    );
    const instance = scenario.start({ variables: { contacts: ['a@x.example', 'b@x.example'] }, businessKey: 'ACC-1' });
    const calls = instance.effectsOf('CalledProcessStarted');
    expect(calls.map((call) => [call.variables, call.businessKey])).toEqual([
      [{ email: 'a@x.example' }, 'ACC-1'],
      [{ email: 'b@x.example' }, 'ACC-1'],
    ]);

    instance.send({ type: 'completeCalledProcess', callId: calls[1]!.callId, variables: {} }).cancel();

    expect(instance.effectsOf('CalledProcessCancelled').map((effect) => effect.callId)).toEqual([calls[0]!.callId]);
  });

  it('given a multi-instance manual task, when reached, then all inner instances pass through at once with their own mappings', async () => {
    const scenario = await Scenario.deploy(
      around(`<bpmn:manualTask id="review">
        ${loop('stageflow:collection="= [1, 2, 3]" stageflow:elementVariable="n" stageflow:outputCollection="doubled" stageflow:outputElement="= twice"')}
        <bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= n * 2" target="twice"/></stageflow:ioMapping></bpmn:extensionElements>
      </bpmn:manualTask>`),
    );

    const instance = scenario.start();

    expect(instance.variables).toEqual({ doubled: [2, 4, 6] });
    expect(instance.task('next')).toBeDefined();
  });

  it('given a multi-instance activity with async, when reached, then the body parks once and the continuation starts every inner instance', async () => {
    const scenario = await Scenario.deploy(
      around(`<bpmn:userTask id="review" stageflow:async="true" stageflow:assignee="= reviewer">${loop(PARALLEL)}</bpmn:userTask>`),
    );
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });
    expect(instance.effectsOf('AsyncContinuationScheduled')).toHaveLength(1);

    instance.continueAsync('review');

    expect(instance.openTasks().map((task) => task.assignee)).toEqual(['ann', 'bob']);
    expect(instance.effectsOf('AsyncContinuationScheduled')).toHaveLength(1);
  });

  it('given an output element that fails, when the inner instance completes, then it has an incident and a retry counts it once', async () => {
    const scenario = await Scenario.deploy(
      reviewTask(
        loop(
          'stageflow:collection="= reviewers" stageflow:elementVariable="reviewer" stageflow:outputCollection="scores" stageflow:outputElement="= score + bonus"',
        ),
      ),
    );
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });
    instance.complete(taskOf(instance, 'ann'), { score: 1 });
    expect(instance.lastOf('IncidentRaised', 'review').message).toContain("stageflow:outputElement of 'review' failed");

    instance.complete(taskOf(instance, 'bob'), { score: 2, bonus: 10 });
    instance.retryIncident('review');

    expect(instance.variables.scores).toEqual([12, 12]);
    expect(instance.status).toBe('active');
    expect(instance.task('next')).toBeDefined();
  });

  it('given the instance is cancelled, when inner tasks are open, then every inner task is cancelled', async () => {
    const scenario = await Scenario.deploy(reviewTask(loop(PARALLEL)));
    const instance = scenario.start({ variables: { reviewers: ['ann', 'bob'] } });

    instance.cancel();

    expect(instance.effectsOf('TaskCancelled')).toHaveLength(2);
    expect(instance.openTasks()).toEqual([]);
  });

  it.each([
    ['', 'stageflow:collection is required'],
    ['stageflow:collection="reviewers"', "stageflow:collection must be a FEEL expression starting with '=' (e.g. '= reviewers'), got 'reviewers'"],
    [
      'stageflow:collection="= reviewers" stageflow:elementVariable="the reviewer"',
      "stageflow:elementVariable must be a variable name (letters, digits, _), got 'the reviewer'",
    ],
    ['stageflow:collection="= reviewers" stageflow:elementVariable="loopCounter"', "stageflow:elementVariable must not be 'loopCounter'"],
    ['stageflow:collection="= reviewers" stageflow:outputCollection="out"', 'stageflow:outputCollection and stageflow:outputElement go together'],
    ['stageflow:collection="= reviewers" stageflow:outputCollection="out" stageflow:outputElement="= ("', "stageflow:outputElement: invalid FEEL '= ('"],
  ])('given multi-instance characteristics %s, when deployed, then they are refused with the element id', async (attributes, message) => {
    const result = await compileBpmn(reviewTask(loop(attributes)));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual({ elementId: 'review', message: expect.stringContaining(message) });
  });

  it('given an invalid completion condition, when deployed, then it is refused with the element id', async () => {
    const result = await compileBpmn(reviewTask(loop('stageflow:collection="= reviewers"', '= nrOfCompletedInstances >')));

    expect(!result.ok && result.problems).toEqual([{ elementId: 'review', message: expect.stringContaining('bpmn:completionCondition: invalid FEEL') }]);
  });
});
