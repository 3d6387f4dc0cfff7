import { emptyPlan, type NewTaskRow } from '../execution/effects-plan.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { assignNewTasks, needsAssignment } from './assign-new-tasks.js';
import type { AssignmentService } from './assignment.service.js';
import type { AssignmentOutcome, AssignmentRequest } from './assignment.types.js';

const tx: Queryable = { query: () => Promise.reject(new Error('the fake service reads nothing')) };

/** A fake service answering by team: `dach` -> anna, anything else -> nobody. */
function fakeService(requests: AssignmentRequest[]): AssignmentService {
  return {
    assign: async (request: AssignmentRequest): Promise<AssignmentOutcome> => {
      requests.push(request);
      return request.team === 'dach'
        ? { assignee: 'anna', strategy: request.strategy, requestedStrategy: request.strategy, reason: 'roundRobin: turn 1' }
        : { assignee: null, strategy: 'unsorted', requestedStrategy: request.strategy, reason: 'nobody; left in the unsorted queue' };
    },
  } as unknown as AssignmentService;
}

function task(id: string, assignment?: NewTaskRow['assignment']): NewTaskRow {
  return {
    id,
    elementId: 'call',
    name: null,
    assignee: null,
    candidateGroups: ['sales'],
    dueAt: null,
    priority: null,
    formKey: null,
    variables: {},
    ...(assignment ? { assignment } : {}),
  };
}

function planWith(tasks: NewTaskRow[]) {
  const plan = emptyPlan([]);
  plan.newTasks = tasks;
  for (const t of tasks)
    plan.history.push(
      { elementId: t.elementId, elementType: 'bpmn:UserTask', event: 'task-created', payload: { taskId: t.id } },
      { elementId: 'x', elementType: null, event: 'entered', payload: null },
    );
  return plan;
}

describe('assignNewTasks', () => {
  it('given tasks with and without an assignment decision, when assigned, then only the decided ones get a user, a record and a history entry after their task-created', async () => {
    const requests: AssignmentRequest[] = [];
    const plan = planWith([task('t1', { ruleSet: 'rules', decision: { strategy: 'roundRobin', team: 'dach' }, territory: 'DACH' }), task('t2')]);

    expect(needsAssignment(plan)).toBe(true);
    await assignNewTasks(plan, tx, fakeService(requests));

    expect(requests).toEqual([{ strategy: 'roundRobin', team: 'dach', skills: undefined, territory: 'DACH' }]);
    expect(plan.newTasks[0]).toMatchObject({
      assignee: 'anna',
      candidateGroups: ['sales'],
      assignedBy: { strategy: 'roundRobin', requestedStrategy: 'roundRobin', reason: 'roundRobin: turn 1', ruleSet: 'rules' },
    });
    expect(plan.newTasks[1]?.assignedBy).toBeUndefined();
    expect(plan.history.map((row) => row.event)).toEqual(['task-created', 'task-assigned', 'entered', 'task-created', 'entered']);
    expect(plan.history[1]?.payload).toEqual({
      taskId: 't1',
      user: 'anna',
      strategy: 'roundRobin',
      requestedStrategy: 'roundRobin',
      reason: 'roundRobin: turn 1',
      ruleSet: 'rules',
    });
  });

  it('given a strategy that finds nobody, when assigned, then the task joins the unsorted group with no assignee', async () => {
    const plan = planWith([task('t1', { ruleSet: 'rules', decision: { strategy: 'leastOpenTasks', team: 'empty' }, territory: undefined })]);

    await assignNewTasks(plan, tx, fakeService([]));

    expect(plan.newTasks[0]).toMatchObject({
      assignee: null,
      candidateGroups: ['sales', 'unsorted'],
      assignedBy: { strategy: 'unsorted', requestedStrategy: 'leastOpenTasks' },
    });
  });

  it('given a rule set that matched nothing (no fallback), when assigned, then the service is not asked and the reason says so', async () => {
    const requests: AssignmentRequest[] = [];
    const plan = planWith([task('t1', { ruleSet: 'rules', decision: null, territory: undefined })]);

    await assignNewTasks(plan, tx, fakeService(requests));

    expect(requests).toEqual([]);
    expect(plan.newTasks[0]?.assignedBy?.reason).toBe('no rule of "rules" matched and it has no fallback; left in the unsorted queue');
    expect(plan.newTasks[0]?.candidateGroups).toEqual(['sales', 'unsorted']);
  });

  it('given no task with a decision, when asked, then the command needs no assignment step', () => {
    expect(needsAssignment(planWith([task('t1')]))).toBe(false);
  });
});
