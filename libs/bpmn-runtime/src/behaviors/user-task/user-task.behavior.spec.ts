import { CommandRejectedError } from '../../contract/interpret.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const oneTask = (attributes: string, extension = '') =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="task" name="Qualify lead" ${attributes}>${extension}</bpmn:userTask>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'task')}
    ${flow('f2', 'task', 'end')}`);

describe('user task', () => {
  it('given a user task, when the token arrives, then it waits and TaskCreated carries the evaluated attributes', async () => {
    const scenario = await Scenario.deploy(
      oneTask(
        'stageflow:assignee="= owner" stageflow:candidateGroups="sales, presales" stageflow:dueDate="P3D" stageflow:priority="70" stageflow:formKey="lead-form"',
      ),
      { now: '2024-03-01T10:00:00.000Z' },
    );

    const instance = scenario.start({ variables: { owner: 'ann' } });

    expect(instance.status).toBe('active');
    expect(instance.task('task')).toEqual({
      type: 'TaskCreated',
      taskId: expect.any(String),
      elementId: 'task',
      name: 'Qualify lead',
      assignee: 'ann',
      candidateGroups: ['sales', 'presales'],
      dueAt: '2024-03-04T10:00:00.000Z',
      priority: 70,
      formKey: 'lead-form',
      variables: { owner: 'ann' },
    });
    expect(instance.state).toMatchObject({ tokens: [{ nodeId: 'task', wait: 'task' }] });
  });

  it('given FEEL attributes, when the task is created, then candidate groups may be a list, the due date a FEEL duration and the priority a number', async () => {
    const scenario = await Scenario.deploy(
      oneTask(
        'stageflow:candidateGroups="= [region, &quot;managers&quot;]" stageflow:dueDate="= duration(&quot;PT&quot; + string(hours) + &quot;H&quot;)" stageflow:priority="= if vip then 90 else 10" stageflow:formKey="= &quot;form-&quot; + region"',
      ),
      { now: '2024-03-01T10:00:00.000Z' },
    );

    const task = scenario.start({ variables: { region: 'north', hours: 4, vip: true } }).task('task');

    expect(task).toMatchObject({ candidateGroups: ['north', 'managers'], dueAt: '2024-03-01T14:00:00.000Z', priority: 90, formKey: 'form-north' });
  });

  it('given a due date that is a FEEL date-time, when the task is created, then dueAt is that instant in UTC', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:dueDate="= date and time(deadline)"'));

    const task = scenario.start({ variables: { deadline: '2024-05-01T12:00:00+02:00' } }).task('task');

    expect(task.dueAt).toBe('2024-05-01T10:00:00.000Z');
  });

  it('given a due date computed from now(), when the task is created, then now() is the command time, not the clock', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:dueDate="= now() + duration(&quot;P1M&quot;)"'), { now: '2024-01-31T08:00:00.000Z' });

    expect(scenario.start().task('task').dueAt).toBe('2024-02-29T08:00:00.000Z');
  });

  it('given a literal ISO date-time due date, when the task is created, then it is used as it is', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:dueDate="2024-06-30T17:00:00Z"'));

    expect(scenario.start().task('task').dueAt).toBe('2024-06-30T17:00:00.000Z');
  });

  it('given an open task, when it is completed with variables, then they are written and the token leaves', async () => {
    const scenario = await Scenario.deploy(oneTask(''));
    const instance = scenario.start({ variables: { score: 1 } });
    const task = instance.task('task');

    instance.complete(task.taskId, { score: 5, qualified: true });

    expect(instance.status).toBe('completed');
    expect(instance.variables).toEqual({ score: 5, qualified: true });
    expect(instance.lastEffects.slice(0, 3)).toEqual([
      { type: 'TaskCompleted', taskId: task.taskId, elementId: 'task', variables: { score: 5, qualified: true } },
      { type: 'VariablesChanged', changes: { score: 5, qualified: true }, elementId: 'task' },
      { type: 'ElementLeft', elementId: 'task', elementType: 'bpmn:UserTask' },
    ]);
  });

  it('given stageflow:completedByVariable, when a user completes the task, then the variable holds their username over any value the form gave', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:completedByVariable="contactedBy"'));
    const instance = scenario.start();

    instance.complete('task', { outcome: 'convert', contactedBy: 'forged' }, 'sam');

    expect(instance.variables).toEqual({ outcome: 'convert', contactedBy: 'sam' });
    expect(instance.lastEffects[0]).toMatchObject({ type: 'TaskCompleted', variables: { outcome: 'convert', contactedBy: 'sam' } });
  });

  it('given stageflow:completedByVariable, when the engine completes the task (no completedBy), then nothing is written for it', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:completedByVariable="contactedBy"'));
    const instance = scenario.start();

    instance.complete('task', { outcome: 'convert' });

    expect(instance.variables).toEqual({ outcome: 'convert' });
  });

  it('given stageflow:completedByVariable already holding a name, when the engine completes the task (no completedBy), then the variable keeps it', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:completedByVariable="contactedBy"'));
    const instance = scenario.start({ variables: { contactedBy: 'ann' } });

    instance.complete('task', { outcome: 'convert' });

    expect(instance.variables).toEqual({ contactedBy: 'ann', outcome: 'convert' });
  });

  it('given no stageflow:completedByVariable, when a user completes the task, then who did is not a variable', async () => {
    const scenario = await Scenario.deploy(oneTask(''));
    const instance = scenario.start();

    instance.complete('task', { outcome: 'convert' }, 'sam');

    expect(instance.variables).toEqual({ outcome: 'convert' });
  });

  it.each([
    ['stageflow:completedByVariable="= who"', "stageflow:completedByVariable '= who' is not a variable name"],
    ['stageflow:completedByVariable="__proto__"', "stageflow:completedByVariable '__proto__' is not a variable name"],
    ['stageflow:completedByVariable=" "', 'stageflow:completedByVariable must name a variable'],
  ])('given a user task with %s, when deployed, then it is refused naming the attribute', async (attribute, message) => {
    await expect(Scenario.deploy(oneTask(attribute))).rejects.toMatchObject({ problems: [{ elementId: 'task', message }] });
  });

  it('given an unknown or already completed task id, when completing it, then the command is rejected with TASK_NOT_FOUND', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="a"/>
        <bpmn:userTask id="b"/>
        <bpmn:endEvent id="end"/>
        ${flow('f1', 'start', 'a')}
        ${flow('f2', 'a', 'b')}
        ${flow('f3', 'b', 'end')}`),
    );
    const instance = scenario.start();
    const first = instance.task('a').taskId;
    instance.complete(first);

    expect(() => instance.complete('nope')).toThrow(CommandRejectedError);
    expect(() => instance.complete(first)).toThrow(expect.objectContaining({ code: 'TASK_NOT_FOUND' }));
  });

  it('given input and output mappings, when completed, then completion variables stay local and only the outputs reach the enclosing scope', async () => {
    const scenario = await Scenario.deploy(
      oneTask(
        'stageflow:assignee="= who"',
        `<bpmn:extensionElements><stageflow:ioMapping>
           <stageflow:input source="= owner" target="who"/>
           <stageflow:output source="= decision = &quot;yes&quot;" target="approved"/>
         </stageflow:ioMapping></bpmn:extensionElements>`,
      ),
    );
    const instance = scenario.start({ variables: { owner: 'bob' } });
    expect(instance.task('task')).toMatchObject({ assignee: 'bob', variables: { owner: 'bob', who: 'bob' } });

    instance.complete('task', { decision: 'yes' });

    expect(instance.variables).toEqual({ owner: 'bob', approved: true });
    expect(instance.effectsOf('VariablesChanged').map((effect) => effect.changes)).toEqual([{ owner: 'bob' }, { decision: 'yes' }, { approved: true }]);
  });

  it('given a FEEL attribute that fails at runtime, when the task would be created, then an incident is raised instead of a throw', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:priority="= vip"'));

    const instance = scenario.start({ variables: { vip: 'very' } });

    expect(instance.status).toBe('incident');
    expect(instance.openTasks()).toEqual([]);
    expect(instance.incidents()).toEqual([
      { type: 'IncidentRaised', incidentId: expect.any(String), elementId: 'task', message: "User task 'task': stageflow:priority must give an integer" },
    ]);
  });

  it('given a due date expression calling a function with bad arguments, when evaluated, then an incident is raised with the element id', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:dueDate="= date and time(deadline)"'));

    const instance = scenario.start({ variables: { deadline: 'not a date' } });

    expect(instance.status).toBe('incident');
    expect(instance.incidents()[0]).toMatchObject({ elementId: 'task' });
  });
});
