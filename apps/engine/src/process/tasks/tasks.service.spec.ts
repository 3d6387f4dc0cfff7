import type { Principal } from '../../platform/identity/auth/principal.js';
import { fakeAs } from '../../platform/database/fake-as.js';
import { FakeUsersRepository } from '../../platform/identity/users/users.repository.fake.js';
import type { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { UNSORTED_QUEUE } from '../../platform/identity/teams/unsorted-queue.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { InstanceCommandsService, InstanceSnapshot } from '../execution/instance-commands.service.js';
import { FakeHistoryRepository } from '../process-instances/history.repository.fake.js';
import type { HistoryRepository } from '../process-instances/history.repository.js';
import type { InstanceDetailView, ProcessInstancesService } from '../process-instances/process-instances.service.js';
import { FakeProcessInstancesRepository } from '../process-instances/process-instances.repository.fake.js';
import type { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { TaskRecords } from './task-records.js';
import { TasksService } from './tasks.service.js';
import type { UserTaskRow } from './user-task.row.js';
import { FakeUserTasksRepository } from './user-tasks.repository.fake.js';
import type { UserTasksRepository } from './user-tasks.repository.js';
import { InstanceBusinessKeys } from '../execution/instance-business-keys.js';
import type { TaskFormVersions } from '../forms/task-form-versions.js';

const TASK = '30000000-0000-4000-8000-000000000001';
const OTHER = '30000000-0000-4000-8000-000000000002';
const PAGE = { offset: 0, limit: 50 };

/** A collaborating service, of which the spec needs only the methods given. */
const partial = <T>(methods: Partial<T>): T => methods as T;

const seller = (username: string, groups: string[] = ['sales']): Principal => ({ userId: `id-${username}`, username, roles: ['seller'], groups });
const manager: Principal = { userId: 'id-mia', username: 'mia', roles: ['manager'], groups: [] };

const snapshot = (id: string): InstanceSnapshot => ({
  id,
  definitionId: 'd',
  definitionKey: 'lead',
  version: 1,
  businessKey: null,
  state: 'active',
  variables: {},
  activeElementIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
});

/** A command service that completes the task it is given, after letting `authorize` look at it, as InstanceCommandsService does. */
function fakeCommands(tasks: FakeUserTasksRepository, completions: string[]): InstanceCommandsService {
  return partial<InstanceCommandsService>({
    completeTask: async (taskId: string, _variables: unknown, actor: { username: string }, authorize: (task: UserTaskRow) => void) => {
      const task = await tasks.byId(taskId);
      if (!task) throw new NotFound(`task ${taskId} not found`);
      authorize(task);
      completions.push(`${taskId} by ${actor.username}`);
      return { task, instance: snapshot(task.process_instance_id), completed: true };
    },
  });
}

function newTestService() {
  const tasks = new FakeUserTasksRepository();
  const history = new FakeHistoryRepository();
  const users = new FakeUsersRepository();
  for (const username of ['anna', 'ben', 'mia']) users.seed({ username });
  const completions: string[] = [];
  const instances = partial<ProcessInstancesService>({ get: async (id: string) => snapshot(id) as InstanceDetailView });
  const service = new TasksService(
    fakeAs<UserTasksRepository>(tasks),
    fakeAs<HistoryRepository>(history),
    fakeAs<UsersRepository>(users),
    fakeCommands(tasks, completions),
    instances,
    fakeAs<ProcessInstancesRepository>(new FakeProcessInstancesRepository()),
    new InstanceBusinessKeys(),
    new TaskRecords(),
    partial<TaskFormVersions>({ latest: async () => undefined }),
  );
  return { service, tasks, history, completions };
}

describe('TasksService', () => {
  describe('visibility', () => {
    it('given tasks of my group, of another group and assigned to me, when I list them, then I see mine and my group’s only', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, candidate_groups: ['sales'] });
      tasks.seed({ id: OTHER, candidate_groups: ['support'] });
      tasks.seed({ id: '30000000-0000-4000-8000-000000000003', candidate_groups: ['support'], assignee: 'anna' });

      const page = await service.list(seller('anna'), {}, PAGE);

      expect(page.items.map((task) => task.id).sort()).toEqual([TASK, '30000000-0000-4000-8000-000000000003']);
      expect(page.total).toBe(2);
    });

    it('given a manager, when they list, then they see every task', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, candidate_groups: ['sales'] });
      tasks.seed({ id: OTHER, candidate_groups: ['support'] });

      expect((await service.list(manager, {}, PAGE)).total).toBe(2);
    });

    it('given a seller, when they ask for the unsorted queue, then 403; a manager gets the open unassigned tasks of the queue', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, candidate_groups: [UNSORTED_QUEUE] });
      tasks.seed({ id: OTHER, candidate_groups: [UNSORTED_QUEUE], assignee: 'ben' });

      await expect(service.list(seller('anna', [UNSORTED_QUEUE]), { queue: 'unsorted' }, PAGE)).rejects.toThrow(Forbidden);
      expect((await service.list(manager, { queue: 'unsorted' }, PAGE)).items.map((task) => task.id)).toEqual([TASK]);
    });

    it('given a task of another group, when I read, claim or complete it, then 404 as if it did not exist', async () => {
      const { service, tasks, completions } = newTestService();
      tasks.seed({ id: TASK, candidate_groups: ['support'] });

      await expect(service.get(seller('anna'), TASK)).rejects.toThrow(NotFound);
      await expect(service.claim(seller('anna'), TASK)).rejects.toThrow(NotFound);
      await expect(service.complete(seller('anna'), TASK, {})).rejects.toThrow(NotFound);
      expect(tasks.row(TASK)?.assignee).toBeNull();
      expect(completions).toEqual([]);
    });
  });

  describe('claim', () => {
    it('given an open task of my group, when I claim it, then it is mine and a task-claimed event names me', async () => {
      const { service, tasks, history } = newTestService();
      tasks.seed({ id: TASK });

      const view = await service.claim(seller('anna'), TASK);

      expect(view).toMatchObject({ id: TASK, assignee: 'anna', state: 'created' });
      expect(history.entries).toEqual([
        expect.objectContaining({ event: 'task-claimed', elementType: 'bpmn:UserTask', payload: { taskId: TASK, by: 'anna' } }),
      ]);
    });

    it('given a task another user claimed, when I claim it, then 409 naming who holds it and nothing is recorded', async () => {
      const { service, tasks, history } = newTestService();
      tasks.seed({ id: TASK, assignee: 'ben' });

      const refused = service.claim(seller('anna'), TASK);

      await expect(refused).rejects.toThrow(Conflict);
      await expect(service.claim(seller('anna'), TASK)).rejects.toMatchObject({ details: [{ taskId: TASK, assignee: 'ben' }] });
      expect(tasks.row(TASK)?.assignee).toBe('ben');
      expect(history.entries).toEqual([]);
    });

    it('given a completed task, when I claim it, then 409 saying it is already completed', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, state: 'completed' });

      await expect(service.claim(seller('anna'), TASK)).rejects.toThrow(`task ${TASK} is already completed`);
    });
  });

  describe('unclaim', () => {
    it('given a task another user holds, when a seller unclaims it, then 403; when a manager does, then it is free again', async () => {
      const { service, tasks, history } = newTestService();
      tasks.seed({ id: TASK, assignee: 'ben' });

      await expect(service.unclaim(seller('anna'), TASK)).rejects.toThrow(Forbidden);
      expect(tasks.row(TASK)?.assignee).toBe('ben');

      expect(await service.unclaim(manager, TASK)).toMatchObject({ assignee: null });
      expect(history.entries.map((entry) => entry.event)).toEqual(['task-unclaimed']);
    });

    it('given my own task, when I unclaim it, then it is free and a task-unclaimed event names me', async () => {
      const { service, tasks, history } = newTestService();
      tasks.seed({ id: TASK, assignee: 'anna' });

      expect(await service.unclaim(seller('anna'), TASK)).toMatchObject({ assignee: null });
      expect(history.entries).toEqual([expect.objectContaining({ event: 'task-unclaimed', payload: { taskId: TASK, by: 'anna' } })]);
    });

    it('given a cancelled task, when I unclaim it, then 409', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, assignee: 'anna', state: 'cancelled' });

      await expect(service.unclaim(seller('anna'), TASK)).rejects.toThrow(Conflict);
    });
  });

  describe('assign', () => {
    it('given a task in the unsorted queue, when a manager assigns it, then it leaves the queue with a manual assignment naming the manager', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, candidate_groups: ['sales', UNSORTED_QUEUE] });

      const view = await service.assign(manager, TASK, 'ben');

      const record = { strategy: 'manual', requestedStrategy: 'manual', reason: 'assigned by mia', ruleSet: null, by: 'mia' };
      expect(view).toMatchObject({ assignee: 'ben', candidateGroups: ['sales'], assignment: record });
      expect(tasks.events).toEqual([expect.objectContaining({ event: 'task-assigned', payload: { taskId: TASK, user: 'ben', ...record } })]);
    });

    it('given someone who is not a user, when a manager assigns a task to them, then 400 naming the field and the task is unchanged', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK });

      await expect(service.assign(manager, TASK, 'nobody')).rejects.toThrow(Invalid);
      await expect(service.assign(manager, TASK, 'nobody')).rejects.toMatchObject({ details: [{ path: 'assignee' }] });
      expect(tasks.row(TASK)?.assignee).toBeNull();
    });

    it('given a completed task, when a manager assigns it, then 409', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, state: 'completed' });

      await expect(service.assign(manager, TASK, 'ben')).rejects.toThrow(Conflict);
    });
  });

  describe('complete', () => {
    it('given a task another user claimed, when a seller completes it, then 403 and no command runs; a manager may', async () => {
      const { service, tasks, completions } = newTestService();
      tasks.seed({ id: TASK, assignee: 'ben' });

      await expect(service.complete(seller('anna'), TASK, {})).rejects.toThrow(Forbidden);
      expect(completions).toEqual([]);

      const done = await service.complete(manager, TASK, {});
      expect(done).toMatchObject({ id: TASK, state: 'completed', completedBy: 'mia', completedAt: '2026-01-02T00:00:00.000Z' });
      expect(completions).toEqual([`${TASK} by mia`]);
    });

    it('given a task that is already completed, when I complete it, then 409 and no command runs', async () => {
      const { service, tasks, completions } = newTestService();
      tasks.seed({ id: TASK, state: 'completed' });

      await expect(service.complete(seller('anna'), TASK, {})).rejects.toThrow(Conflict);
      expect(completions).toEqual([]);
    });

    it('given an ad-hoc task, when I complete it, then it is closed without a command, with its task-completed event', async () => {
      const { service, tasks, completions } = newTestService();
      tasks.seed({ id: TASK, source: 'action' });

      const done = await service.complete(seller('anna'), TASK, undefined);

      expect(done).toMatchObject({ state: 'completed', completedBy: 'anna', source: 'action' });
      expect(completions).toEqual([]);
      expect(tasks.events).toEqual([expect.objectContaining({ event: 'task-completed', payload: { taskId: TASK, source: 'action', variables: {} } })]);
    });

    it('given an ad-hoc task, when I complete it with variables, then 400: nothing waits for them', async () => {
      const { service, tasks } = newTestService();
      tasks.seed({ id: TASK, source: 'action' });

      await expect(service.complete(seller('anna'), TASK, { budget: 5 })).rejects.toThrow(Invalid);
      expect(tasks.row(TASK)?.state).toBe('created');
    });
  });
});
