import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { leadDiagram, oneTaskDiagram, parallelDiagram } from './support/diagrams.js';
import type { TaskView } from '../src/process/tasks/tasks.service.js';

const suite = setupEngineSuite();

async function startAndGetTask(key: string, variables: Record<string, unknown> = {}): Promise<TaskView> {
  const started = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({ variables });
  expect(started.status).toBe(201);
  const tasks = await suite
    .http()
    .get(`/api/v1/tasks?processInstanceId=${started.body.id}`)
    .set(...bearer(suite.adminToken()));
  expect(tasks.body.items).toHaveLength(1);
  return tasks.body.items[0] as TaskView;
}

describe('tasks', () => {
  let northSeller: { id: string; token: string };
  let southSeller: { id: string; token: string };
  let manager: { id: string; token: string };

  beforeAll(async () => {
    await suite.deploy([
      { name: 'lead.bpmn', content: leadDiagram('lead', { candidateGroups: 'north' }) },
      { name: 'assigned.bpmn', content: oneTaskDiagram('assigned', { assignee: 'south-seller' }) },
      { name: 'plain.bpmn', content: oneTaskDiagram('plain') },
      { name: 'parallel.bpmn', content: parallelDiagram('parallel') },
    ]);
    northSeller = await suite.createUser('north-seller', ['seller'], ['north']);
    southSeller = await suite.createUser('south-seller', ['seller'], ['south']);
    manager = await suite.createUser('sales-manager', ['manager']);
  });

  it('given a started instance, when its task is read, then it carries the diagram attributes', async () => {
    const task = await startAndGetTask('lead', { score: 99 });

    const response = await suite
      .http()
      .get(`/api/v1/tasks/${task.id}`)
      .set(...bearer(suite.adminToken()));

    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.objectContaining({
        id: task.id,
        name: 'Call lead',
        elementId: 'call',
        assignee: null,
        candidateGroups: ['north'],
        priority: 7,
        formKey: null,
        form: null,
        dueAt: null,
        state: 'created',
        createdAt: expect.any(String),
      }),
    );
  });

  it('given tasks in several states, when filtered, then each filter narrows the list', async () => {
    const open = await startAndGetTask('lead', { score: 99 });
    const done = await startAndGetTask('lead', { score: 99 });
    await suite
      .http()
      .post(`/api/v1/tasks/${done.id}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});
    await suite
      .http()
      .post(`/api/v1/tasks/${open.id}/claim`)
      .set(...bearer(northSeller.token));

    const byAssignee = await suite
      .http()
      .get('/api/v1/tasks?assignee=north-seller')
      .set(...bearer(suite.adminToken()));
    const byGroup = await suite
      .http()
      .get('/api/v1/tasks?candidateGroup=north&state=created')
      .set(...bearer(suite.adminToken()));
    const completed = await suite
      .http()
      .get(`/api/v1/tasks?state=completed&processInstanceId=${done.processInstanceId}`)
      .set(...bearer(suite.adminToken()));
    const paged = await suite
      .http()
      .get('/api/v1/tasks?pageSize=1')
      .set(...bearer(suite.adminToken()));

    expect(byAssignee.body.items.map((t: TaskView) => t.id)).toContain(open.id);
    expect(byAssignee.body.items.every((t: TaskView) => t.assignee === 'north-seller')).toBe(true);
    expect(byGroup.body.items.every((t: TaskView) => t.candidateGroups.includes('north') && t.state === 'created')).toBe(true);
    expect(completed.body.items).toEqual([expect.objectContaining({ id: done.id, state: 'completed' })]);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThan(1);
  });

  it('given a group task, when a seller of that group claims and unclaims it, then the assignee follows', async () => {
    const task = await startAndGetTask('lead', { score: 99 });

    const claimed = await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/claim`)
      .set(...bearer(northSeller.token));
    const unclaimed = await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/unclaim`)
      .set(...bearer(northSeller.token));

    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('north-seller');
    expect(unclaimed.status).toBe(200);
    expect(unclaimed.body.assignee).toBeNull();
  });

  it('given a task claimed by someone else, when claimed again, then 409', async () => {
    const task = await startAndGetTask('plain');
    await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/claim`)
      .set(...bearer(manager.token));

    const response = await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/claim`)
      .set(...bearer(suite.adminToken()));

    expect(response.status).toBe(409);
    expect(response.body.error).toBe('conflict');
  });

  it('given sellers of different groups, when they list tasks, then each sees only tasks assigned to them or offered to their groups', async () => {
    const northTask = await startAndGetTask('lead', { score: 99 });
    const southTask = await startAndGetTask('assigned');
    const plainTask = await startAndGetTask('plain');

    const north = await suite
      .http()
      .get('/api/v1/tasks?limit=500')
      .set(...bearer(northSeller.token));
    const south = await suite
      .http()
      .get('/api/v1/tasks?limit=500')
      .set(...bearer(southSeller.token));
    const managerView = await suite
      .http()
      .get('/api/v1/tasks?limit=500')
      .set(...bearer(manager.token));

    const northIds = north.body.items.map((t: TaskView) => t.id);
    const southIds = south.body.items.map((t: TaskView) => t.id);
    expect(northIds).toContain(northTask.id);
    expect(northIds).not.toContain(southTask.id);
    expect(northIds).not.toContain(plainTask.id);
    expect(southIds).toEqual([southTask.id]);
    expect(managerView.body.items.map((t: TaskView) => t.id)).toEqual(expect.arrayContaining([northTask.id, southTask.id, plainTask.id]));
  });

  it("given another seller's task, when a seller reads, claims or completes it, then 404 and nothing changes", async () => {
    const southTask = await startAndGetTask('assigned');

    const read = await suite
      .http()
      .get(`/api/v1/tasks/${southTask.id}`)
      .set(...bearer(northSeller.token));
    const claim = await suite
      .http()
      .post(`/api/v1/tasks/${southTask.id}/claim`)
      .set(...bearer(northSeller.token));
    const complete = await suite
      .http()
      .post(`/api/v1/tasks/${southTask.id}/complete`)
      .set(...bearer(northSeller.token))
      .send({});

    expect([read.status, claim.status, complete.status]).toEqual([404, 404, 404]);
    const after = await suite
      .http()
      .get(`/api/v1/tasks/${southTask.id}`)
      .set(...bearer(suite.adminToken()));
    expect(after.body).toEqual(expect.objectContaining({ assignee: 'south-seller', state: 'created' }));
  });

  it('given a seller with the task assigned, when completing with variables, then the instance completes with them', async () => {
    const task = await startAndGetTask('assigned');

    const response = await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(...bearer(southSeller.token))
      .send({ variables: { outcome: 'won', amount: 1200 } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ id: task.id, state: 'completed' }));
    const instance = await suite
      .http()
      .get(`/api/v1/process-instances/${task.processInstanceId}`)
      .set(...bearer(suite.adminToken()));
    expect(instance.body).toEqual(
      expect.objectContaining({ state: 'completed', variables: expect.objectContaining({ outcome: 'won', amount: 1200 }), activeElementIds: [] }),
    );
  });

  it('given a completed task, when completed again, then 409 with a clear body', async () => {
    const task = await startAndGetTask('plain');
    await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});

    const again = await suite
      .http()
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});

    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: 'conflict',
      message: expect.stringContaining('already completed'),
      details: [expect.objectContaining({ taskId: task.id, state: 'completed' })],
    });
  });

  it('given two clients, when both complete the same task at once, then exactly one succeeds, the other gets 409, and nothing is duplicated', async () => {
    for (let round = 0; round < 5; round++) {
      const task = await startAndGetTask('plain');

      const results = await Promise.all([
        suite
          .http()
          .post(`/api/v1/tasks/${task.id}/complete`)
          .set(...bearer(suite.adminToken()))
          .send({ variables: { by: 'a' } }),
        suite
          .http()
          .post(`/api/v1/tasks/${task.id}/complete`)
          .set(...bearer(manager.token))
          .send({ variables: { by: 'b' } }),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const completions = await suite.query<{ count: string }>(`SELECT count(*) FROM history WHERE process_instance_id = $1 AND event = 'task-completed'`, [
        task.processInstanceId,
      ]);
      expect(Number(completions[0]?.count)).toBe(1);
      const ends = await suite.query<{ count: string }>(`SELECT count(*) FROM history WHERE process_instance_id = $1 AND event = 'instance-completed'`, [
        task.processInstanceId,
      ]);
      expect(Number(ends[0]?.count)).toBe(1);
    }
  });

  it('given parallel tasks of one instance, when all are completed at once, then every completion succeeds and the instance completes once', async () => {
    for (let round = 0; round < 3; round++) {
      const started = await suite
        .http()
        .post('/api/v1/process-definitions/key/parallel/start')
        .set(...bearer(suite.adminToken()))
        .send({});
      expect(started.status).toBe(201);
      const open = await suite
        .http()
        .get(`/api/v1/tasks?processInstanceId=${started.body.id}`)
        .set(...bearer(suite.adminToken()));
      const ids = (open.body.items as TaskView[]).map((task) => task.id);
      expect(ids).toHaveLength(3);

      const results = await Promise.all(
        ids.map((id) =>
          suite
            .http()
            .post(`/api/v1/tasks/${id}/complete`)
            .set(...bearer(suite.adminToken()))
            .send({ variables: { [`done_${id.slice(0, 4)}`]: true } }),
        ),
      );

      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results.filter((r) => r.body.processInstance.state === 'completed')).toHaveLength(1);
      const instance = await suite
        .http()
        .get(`/api/v1/process-instances/${started.body.id}`)
        .set(...bearer(suite.adminToken()));
      expect(instance.body.state).toBe('completed');
      const events = await suite.query<{ event: string; count: string }>(
        `SELECT event, count(*) FROM history WHERE process_instance_id = $1 AND event IN ('task-completed', 'instance-completed') GROUP BY event ORDER BY event`,
        [started.body.id],
      );
      expect(events.map((e) => [e.event, Number(e.count)])).toEqual([
        ['instance-completed', 1],
        ['task-completed', 3],
      ]);
    }
  });

  it('given an unknown task id, when completed, then 404', async () => {
    const response = await suite
      .http()
      .post('/api/v1/tasks/00000000-0000-4000-8000-000000000000/complete')
      .set(...bearer(suite.adminToken()))
      .send({});

    expect(response.status).toBe(404);
  });
});
