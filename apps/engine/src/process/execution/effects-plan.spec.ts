import type { Effect } from '@stageflow/bpmn-runtime';
import { planEffects } from './effects-plan.js';

const CTX = { instanceId: '6f1c2d4e-0000-4000-8000-000000000001' };

describe('planEffects', () => {
  it('given a start that parks at a user task, when planned, then it creates the task, keeps the task element active and records history in order', () => {
    const effects: Effect[] = [
      { type: 'ElementEntered', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'ElementLeft', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'FlowTaken', elementId: 'f1', elementType: 'bpmn:SequenceFlow' },
      { type: 'ElementEntered', elementId: 'review', elementType: 'bpmn:UserTask' },
      { type: 'TaskCreated', taskId: 't1', elementId: 'review', name: 'Review', candidateGroups: ['sales'], variables: {} },
    ];

    const plan = planEffects(effects, [], CTX);

    expect(plan.activeElementIds).toEqual(['review']);
    expect(plan.newTasks).toEqual([expect.objectContaining({ id: 't1', elementId: 'review', name: 'Review', assignee: null, candidateGroups: ['sales'] })]);
    expect(plan.history.map((row) => `${row.event}:${row.elementId}`)).toEqual([
      'entered:start',
      'left:start',
      'taken:f1',
      'entered:review',
      'task-created:review',
    ]);
  });

  it('given two tokens on one join, when one leaves, then the other is still active', () => {
    const plan = planEffects([{ type: 'ElementLeft', elementId: 'join', elementType: 'bpmn:ParallelGateway' }], ['join', 'join', 'task'], CTX);

    expect(plan.activeElementIds).toEqual(['join', 'task']);
  });

  it('given a completed instance, when planned, then nothing stays active and the completed task is listed', () => {
    const plan = planEffects(
      [
        { type: 'TaskCompleted', taskId: 't1', elementId: 'review', variables: { ok: true } },
        { type: 'ElementLeft', elementId: 'review', elementType: 'bpmn:UserTask' },
        { type: 'InstanceCompleted' },
      ],
      ['review'],
      CTX,
    );

    expect(plan.completedTaskIds).toEqual(['t1']);
    expect(plan.activeElementIds).toEqual([]);
    expect(plan.history.at(-1)?.event).toBe('instance-completed');
  });

  it('given an incident effect, when planned, then it becomes an incident row and a history row', () => {
    const plan = planEffects([{ type: 'IncidentRaised', incidentId: 'i1', elementId: 'gw', message: 'no flow matched' }], ['gw'], CTX);

    expect(plan.incidents).toEqual([{ id: 'i1', elementId: 'gw', kind: 'interpreter', message: 'no flow matched' }]);
    expect(plan.history).toEqual([{ elementId: 'gw', elementType: null, event: 'incident', payload: { message: 'no flow matched' } }]);
  });

  it('given a scheduled timer, when planned, then it becomes a job keyed by the timer that fires it at its due time', () => {
    const plan = planEffects([{ type: 'TimerScheduled', timerId: 'tm1', elementId: 'wait', dueAt: '2026-12-01T08:00:00.000Z' }], ['wait'], CTX);

    expect(plan.jobs).toEqual([
      {
        task: 'stageflow.fire-timer',
        payload: { processInstanceId: CTX.instanceId, timerId: 'tm1', dueAt: '2026-12-01T08:00:00.000Z' },
        runAt: '2026-12-01T08:00:00.000Z',
        key: 'timer:tm1',
      },
    ]);
    expect(plan.cancelledJobKeys).toEqual([]);
    expect(plan.history.map((row) => row.event)).toEqual(['timer-scheduled']);
  });

  it('given a cancelled timer, when planned, then its job is removed by key', () => {
    const plan = planEffects([{ type: 'TimerCancelled', timerId: 'tm1', elementId: 'boundary' }], ['task'], CTX);

    expect(plan.jobs).toEqual([]);
    expect(plan.cancelledJobKeys).toEqual(['timer:tm1']);
  });

  it('given a timer scheduled and cancelled in one command, when planned, then no job is written and the key is removed', () => {
    const plan = planEffects(
      [
        { type: 'TimerScheduled', timerId: 'tm1', elementId: 'boundary', dueAt: '2026-12-01T08:00:00.000Z' },
        { type: 'TimerCancelled', timerId: 'tm1', elementId: 'boundary' },
      ],
      [],
      CTX,
    );

    expect(plan.jobs).toEqual([]);
    expect(plan.cancelledJobKeys).toEqual(['timer:tm1']);
  });

  it('given a timer cancelled and scheduled again with its id (a repeating cycle), when planned, then only the new job remains', () => {
    const plan = planEffects(
      [
        { type: 'TimerCancelled', timerId: 'tm1', elementId: 'boundary' },
        { type: 'TimerScheduled', timerId: 'tm1', elementId: 'boundary', dueAt: '2026-12-04T08:00:00.000Z' },
      ],
      ['task'],
      CTX,
    );

    expect(plan.jobs.map((job) => [job.key, job.runAt])).toEqual([['timer:tm1', '2026-12-04T08:00:00.000Z']]);
    expect(plan.cancelledJobKeys).toEqual([]);
  });

  it('given an async continuation, when planned, then it becomes a job that runs now (no runAt: the database clock decides)', () => {
    const plan = planEffects([{ type: 'AsyncContinuationScheduled', continuationId: 'c1', elementId: 'enrich' }], [], CTX);

    expect(plan.jobs).toEqual([{ task: 'stageflow.continue-async', payload: { processInstanceId: CTX.instanceId, continuationId: 'c1' }, key: 'async:c1' }]);
  });

  it('given a resolved incident, when planned, then the incident is marked resolved and the history says so', () => {
    const plan = planEffects([{ type: 'IncidentResolved', incidentId: 'i1', elementId: 'gw' }], ['gw'], CTX);

    expect(plan.resolvedIncidentIds).toEqual(['i1']);
    expect(plan.history.map((row) => row.event)).toEqual(['incident-resolved']);
  });
});

describe('planEffects with message, signal and call-activity effects', () => {
  it('given a call activity starts a process and a message is awaited, when planned, then the correlation part holds the rows, the start job joins the jobs and history records both', () => {
    const effects: Effect[] = [
      { type: 'MessageSubscribed', subscriptionId: 's1', elementId: 'wait', messageName: 'offer-signed', correlationKey: 'L-1' },
      { type: 'CalledProcessStarted', callId: 'c1', elementId: 'convert', processKey: 'opportunity', variables: { account: 'ACME' } },
    ];

    const plan = planEffects(effects, [], CTX);

    expect(plan.correlation.openedMessageSubscriptions).toEqual([{ id: 's1', elementId: 'wait', messageName: 'offer-signed', correlationKey: 'L-1' }]);
    expect(plan.correlation.startedCalls).toEqual([{ callId: 'c1', elementId: 'convert', processKey: 'opportunity' }]);
    expect(plan.jobs).toEqual([expect.objectContaining({ task: 'stageflow.start-called-process', key: 'call:c1' })]);
    expect(plan.correlation.jobs).toEqual([]);
    expect(plan.history.map((row) => `${row.event}:${row.elementId}`)).toEqual(['message-subscribed:wait', 'called-process-started:convert']);
  });

  it('given a called process completes, when planned with its parent, then a job continues the parent', () => {
    const plan = planEffects([{ type: 'InstanceCompleted' }], ['end'], { ...CTX, parent: { instanceId: 'p1', callId: 'c9' } });

    expect(plan.jobs).toEqual([
      { task: 'stageflow.complete-called-process', payload: { processInstanceId: 'p1', callId: 'c9', childInstanceId: CTX.instanceId }, key: 'call-end:c9' },
    ]);
  });

  it('given a service task requesting an action, when planned, then one run-action job keyed by the action id is added with the variables the task saw', () => {
    const plan = planEffects([{ type: 'ActionRequested', actionId: 'a1', elementId: 'mail', actionKey: 'welcome-mail', variables: { lead: 'Jane' } }], [], CTX);

    expect(plan.jobs).toEqual([
      {
        task: 'stageflow.run-action',
        key: 'action:a1',
        payload: { processInstanceId: CTX.instanceId, actionId: 'a1', elementId: 'mail', actionKey: 'welcome-mail', variables: { lead: 'Jane' } },
      },
    ]);
    expect(plan.history).toEqual([{ elementId: 'mail', elementType: null, event: 'action-requested', payload: { actionId: 'a1', actionKey: 'welcome-mail' } }]);
  });

  it('given an action requested and cancelled by one command, when planned, then no job is written', () => {
    const plan = planEffects(
      [
        { type: 'ActionRequested', actionId: 'a1', elementId: 'mail', actionKey: 'welcome-mail', variables: {} },
        { type: 'ActionCancelled', actionId: 'a1', elementId: 'mail' },
      ],
      [],
      CTX,
    );

    expect(plan.jobs).toEqual([]);
  });

  it('given a pending action cancelled later, when planned, then its job is removed by key', () => {
    const plan = planEffects([{ type: 'ActionCancelled', actionId: 'a1', elementId: 'mail' }], ['mail'], CTX);

    expect(plan.cancelledJobKeys).toEqual(['action:a1']);
  });

  it('given a failAction command, when planned, then the history records the answer with its error code', () => {
    const plan = planEffects([], ['mail'], { ...CTX, command: { type: 'failAction', actionId: 'a1', errorCode: 'BOUNCED' } });

    expect(plan.history[0]).toEqual({
      elementId: null,
      elementType: null,
      event: 'action-failed',
      payload: { actionId: 'a1', errorCode: 'BOUNCED', message: null },
    });
  });
});
