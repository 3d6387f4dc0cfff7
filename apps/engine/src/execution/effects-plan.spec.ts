import type { Effect } from '@stageflow/bpmn-runtime';
import { planEffects } from './effects-plan.js';

describe('planEffects', () => {
  it('given a start that parks at a user task, when planned, then it creates the task, keeps the task element active and records history in order', () => {
    const effects: Effect[] = [
      { type: 'ElementEntered', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'ElementLeft', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { type: 'FlowTaken', elementId: 'f1', elementType: 'bpmn:SequenceFlow' },
      { type: 'ElementEntered', elementId: 'review', elementType: 'bpmn:UserTask' },
      { type: 'TaskCreated', taskId: 't1', elementId: 'review', name: 'Review', candidateGroups: ['sales'], variables: {} },
    ];

    const plan = planEffects(effects, []);

    expect(plan.activeElementIds).toEqual(['review']);
    expect(plan.newTasks).toEqual([
      expect.objectContaining({ id: 't1', elementId: 'review', name: 'Review', assignee: null, candidateGroups: ['sales'] }),
    ]);
    expect(plan.history.map((row) => `${row.event}:${row.elementId}`)).toEqual([
      'entered:start',
      'left:start',
      'taken:f1',
      'entered:review',
      'task-created:review',
    ]);
  });

  it('given two tokens on one join, when one leaves, then the other is still active', () => {
    const plan = planEffects([{ type: 'ElementLeft', elementId: 'join', elementType: 'bpmn:ParallelGateway' }], ['join', 'join', 'task']);

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
    );

    expect(plan.completedTaskIds).toEqual(['t1']);
    expect(plan.activeElementIds).toEqual([]);
    expect(plan.history.at(-1)?.event).toBe('instance-completed');
  });

  it('given an incident effect, when planned, then it becomes an incident row and a history row', () => {
    const plan = planEffects([{ type: 'IncidentRaised', incidentId: 'i1', elementId: 'gw', message: 'no flow matched' }], ['gw']);

    expect(plan.incidents).toEqual([{ id: 'i1', elementId: 'gw', kind: 'interpreter', message: 'no flow matched' }]);
    expect(plan.history).toEqual([{ elementId: 'gw', elementType: null, event: 'incident', payload: { message: 'no flow matched' } }]);
  });
});
