import type { AssignmentService } from '../assignment/assignment.service.js';
import type { HistoryRepository } from '../process-instances/history.repository.js';
import type { UserTasksRepository } from '../tasks/user-tasks.repository.js';
import type { ActionRunContext } from './action-runner.js';
import { CreateTaskRunner } from './create-task.runner.js';

/** Inputs refused before anything is written: the transaction and the assignment service must stay untouched. */
const untouched = {
  tx: { query: () => Promise.reject(new Error('nothing may be written')) },
  idempotencyKey: 'i:a',
  processInstanceId: 'i',
  elementId: 'act',
  variables: {},
} as unknown as ActionRunContext;
const noAssignment = { assign: () => Promise.reject(new Error('no assignment may be made')) } as unknown as AssignmentService;
const noTasks = { insertAdHoc: () => Promise.reject(new Error('no task may be written')) } as unknown as UserTasksRepository;
const noHistory = { append: () => Promise.reject(new Error('no history may be written')) } as unknown as HistoryRepository;

describe('CreateTaskRunner', () => {
  it.each([
    ['a title that rendered empty', { title: '  ' }, /title rendered empty/],
    ['a title longer than a task name may be', { title: 'x'.repeat(501) }, /longer than 500/],
    ['a due time that is no ISO 8601 duration', { title: 'Call', dueIn: 'soon' }, /dueIn must be an ISO 8601 duration/],
  ])('given %s, when run, then it fails with INVALID_ACTION_INPUT and writes nothing', async (_case, fields, message) => {
    const outcome = await new CreateTaskRunner(noAssignment, noTasks, noHistory).run({ type: 'createTask', ...fields }, untouched);

    expect(outcome).toEqual({ kind: 'failed', errorCode: 'INVALID_ACTION_INPUT', message: expect.stringMatching(message) });
  });
});
