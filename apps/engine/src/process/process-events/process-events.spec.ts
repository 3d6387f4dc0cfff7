import type { Effect } from '@stageflow/bpmn-runtime';
import { processEventJobs, processEventsOf } from './process-events.js';

describe('processEventsOf', () => {
  it('given a start that enters a staged task, then the process started, the stage was entered and a task was created, in that order', () => {
    const effects: Effect[] = [
      { type: 'ElementEntered', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'ElementEntered', elementId: 'qualify', elementType: 'bpmn:UserTask', stage: 'Qualification' },
      { type: 'TaskCreated', taskId: 't1', elementId: 'qualify', name: 'Qualify', candidateGroups: [], variables: {} },
    ];

    expect(processEventsOf(effects, { type: 'start' })).toEqual([
      { name: 'processStarted' },
      { name: 'stageEntered', elementId: 'qualify', stage: 'Qualification' },
      { name: 'taskCreated', elementId: 'qualify', taskId: 't1', taskName: 'Qualify' },
    ]);
  });

  it.each([
    ['completed', { type: 'InstanceCompleted' }],
    ['terminated', { type: 'InstanceTerminated', elementId: 'kill' }],
    ['cancelled', { type: 'InstanceCancelled' }],
  ] as [string, Effect][])('given an instance %s, then the process ended with that outcome', (outcome, effect) => {
    expect(processEventsOf([effect], { type: 'cancel' })).toEqual([{ name: 'processEnded', outcome }]);
  });

  it('given a staged task completed, then its stage was left, then the next stage entered', () => {
    const effects: Effect[] = [
      { type: 'TaskCompleted', taskId: 't1', elementId: 'qualify', variables: {} },
      { type: 'ElementLeft', elementId: 'qualify', elementType: 'bpmn:UserTask', stage: 'Qualification' },
      { type: 'ElementEntered', elementId: 'offer', elementType: 'bpmn:UserTask', stage: 'Offer' },
    ];

    expect(processEventsOf(effects, { type: 'completeTask', taskId: 't1' })).toEqual([
      { name: 'stageLeft', elementId: 'qualify', stage: 'Qualification' },
      { name: 'stageEntered', elementId: 'offer', stage: 'Offer' },
    ]);
  });

  it('given a task with a due date, then besides taskCreated a taskOverdue event is due at that instant', () => {
    const effects: Effect[] = [{ type: 'TaskCreated', taskId: 't1', elementId: 'call', candidateGroups: [], dueAt: '2026-12-01T09:00:00.000Z', variables: {} }];

    const events = processEventsOf(effects, { type: 'completeTask', taskId: 't0' });
    const jobs = processEventJobs('i1', events);

    expect(events).toEqual([
      { name: 'taskCreated', elementId: 'call', taskId: 't1' },
      { name: 'taskOverdue', elementId: 'call', taskId: 't1', dueAt: '2026-12-01T09:00:00.000Z' },
    ]);
    expect(jobs.map((job) => job.runAt)).toEqual([undefined, '2026-12-01T09:00:00.000Z']);
  });

  it('given a correlated message, then a message was received', () => {
    expect(processEventsOf([], { type: 'correlateMessage', subscriptionId: 's1' })).toEqual([{ name: 'messageReceived' }]);
  });

  it('given events, when they become jobs, then each has its own id, which keys the job', () => {
    const jobs = processEventJobs('i1', [{ name: 'processStarted' }, { name: 'processEnded', outcome: 'completed' }]);

    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toEqual({
      task: 'stageflow.process-event',
      key: `process-event:${String(jobs[0]!.payload.eventId)}`,
      payload: { processInstanceId: 'i1', eventId: expect.any(String), event: { name: 'processStarted' } },
    });
    expect(jobs[0]!.payload.eventId).not.toBe(jobs[1]!.payload.eventId);
  });
});
