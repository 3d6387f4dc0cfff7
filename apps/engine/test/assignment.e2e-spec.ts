import { startEngine, type EngineProcess } from './support/engine-process.js';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import { assignedLeadDiagram, assignmentRuleSet, territoryRuleSet } from './support/assignment.js';

const suite = setupEngineSuite();

const admin = () => bearer(suite.adminToken());

interface Task {
  id: string;
  elementId: string;
  processInstanceId: string;
  assignee: string | null;
  candidateGroups: string[];
  assignment: { strategy: string; requestedStrategy: string; reason: string; ruleSet: string | null; by?: string } | null;
}

const ROUTES = {
  rr: { strategy: 'roundRobin', team: 'as-rr' },
  least: { strategy: 'leastOpenTasks', team: 'as-least' },
  leastAtOnce: { strategy: 'leastOpenTasks', team: 'as-least-burst' },
  skills: { strategy: 'skillMatch', skills: ['banking', 'german'] },
  skillsInTeam: { strategy: 'skillMatch', team: 'as-finance', skills: ['banking'] },
  owner: { strategy: 'territoryOwner' },
  empty: { strategy: 'roundRobin', team: 'as-empty' },
};

async function start(route: string, variables: Record<string, unknown> = {}, url?: string): Promise<string> {
  const http = url === undefined ? suite.http() : (await import('supertest')).default(url);
  const response = await http
    .post('/api/v1/process-definitions/key/as_lead/start')
    .set(...admin())
    .send({ variables: { route, country: 'US', ...variables } });
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${response.text}`);
  return response.body.id as string;
}

async function taskOf(instanceId: string, elementId = 'call'): Promise<Task> {
  const response = await suite
    .http()
    .get(`/api/v1/tasks?processInstanceId=${instanceId}`)
    .set(...admin());
  const task = (response.body.items as Task[]).find((item) => item.elementId === elementId);
  if (!task) {
    const instance = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}`)
      .set(...admin());
    throw new Error(`no task ${elementId} in ${instanceId}: ${response.text}; the instance: ${instance.text}`);
  }
  return task;
}

async function complete(task: Task, token = suite.adminToken()) {
  return suite
    .http()
    .post(`/api/v1/tasks/${task.id}/complete`)
    .set(...bearer(token))
    .send({});
}

describe('assignment of user tasks by strategy', () => {
  let manager: string;
  let seller: string;

  beforeAll(async () => {
    manager = (await suite.createUser('as-manager', ['manager'])).token;
    seller = (await suite.createUser('as-seller', ['seller'])).token;
    for (const name of ['as-rr-carl', 'as-rr-anna', 'as-rr-bob']) await suite.createUser(name, ['seller'], ['as-rr']);
    for (const name of ['as-emil', 'as-dora']) await suite.createUser(name, ['seller'], ['as-least']);
    for (const name of ['as-burst1', 'as-burst2']) await suite.createUser(name, ['seller'], ['as-least-burst']);
    await suite
      .http()
      .post('/api/v1/teams')
      .set(...admin())
      .send({ name: 'as-empty' });
    const skilled: Record<string, string[]> = { 'as-fin1': ['Banking', 'German'], 'as-fin2': ['banking'], 'as-fin3': [] };
    for (const [name, skills] of Object.entries(skilled)) {
      const { id } = await suite.createUser(name, ['seller'], ['as-finance']);
      await suite
        .http()
        .patch(`/api/v1/users/${id}`)
        .set(...admin())
        .send({ skills });
    }
    await suite.createUser('as-owner', ['seller']);
    await suite.createUser('as-swiss', ['seller']);
    await suite
      .http()
      .post('/api/v1/territories')
      .set(...admin())
      .send({ key: 'DACH', name: 'DACH', team: 'as-rr', defaultOwner: 'as-owner' });
    await suite.deploy([
      { name: 'territories.rule-set.json', content: territoryRuleSet('as-territories', 'as-swiss') },
      { name: 'assignment.rule-set.json', content: assignmentRuleSet('as-assignment', ROUTES) },
      { name: 'lead.bpmn', content: assignedLeadDiagram('as_lead', 'as-territories', 'as-assignment') },
    ]);
  });

  describe('on two nodes', () => {
    let second: EngineProcess | undefined;

    beforeAll(async () => {
      second = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
      // One command first, so the new node's interpreter workers have loaded before the burst
      // (a cold worker on a busy machine could exceed the command time limit).
      await start('owner', { country: 'DE' }, second.url);
    });

    afterAll(async () => {
      await second?.stop();
    });

    it('given two engine nodes on one database, when 9 leads start at once split 5/4 over them, then each of 3 members gets 3 (one cursor, not one per node)', async () => {
      const urls = [suite.engine().url, second!.url];
      const ids = await Promise.all(Array.from({ length: 9 }, (_, n) => start('rr', {}, urls[n % 2])));
      const tasks = await Promise.all(ids.map((id) => taskOf(id)));

      const counts = new Map<string, number>();
      for (const task of tasks) counts.set(task.assignee ?? 'nobody', (counts.get(task.assignee ?? 'nobody') ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual({ 'as-rr-anna': 3, 'as-rr-bob': 3, 'as-rr-carl': 3 });
      const turns = tasks.map((task) => Number(/turn (\d+)/.exec(task.assignment?.reason ?? '')?.[1])).sort((a, b) => a - b);
      expect(turns).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(tasks[0]?.assignment).toMatchObject({ strategy: 'roundRobin', requestedStrategy: 'roundRobin', ruleSet: 'as-assignment' });
    });

    it('given two members without open tasks, when 24 leads start at once on both nodes, then least open tasks gives each 12 (assignments in a team wait for each other)', async () => {
      const urls = [suite.engine().url, second!.url];
      const ids = await Promise.all(Array.from({ length: 24 }, (_, n) => start('leastAtOnce', {}, urls[n % 2])));
      const tasks = await Promise.all(ids.map((id) => taskOf(id)));

      const assignees = tasks.map((task) => task.assignee);
      expect(assignees.filter((name) => name === 'as-burst1')).toHaveLength(12);
      expect(assignees.filter((name) => name === 'as-burst2')).toHaveLength(12);
    });

    it('given a command that loses the race for its instance, when it rolls back, then its round-robin turn is given back', async () => {
      const ids = await Promise.all(Array.from({ length: 4 }, () => start('rr')));
      const before = await suite.query<{ turn: string }>('SELECT c.turn FROM team_assignment_cursors c JOIN teams t ON t.id = c.team_id WHERE t.name = $1', [
        'as-rr',
      ]);

      // Each first task is completed twice at once: one command wins and creates the follow-up task (one turn).
      const answers = await Promise.all(ids.flatMap((id) => [taskOf(id), taskOf(id)]).map(async (task) => complete(await task)));
      const after = await suite.query<{ turn: string }>('SELECT c.turn FROM team_assignment_cursors c JOIN teams t ON t.id = c.team_id WHERE t.name = $1', [
        'as-rr',
      ]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 409, 409, 409, 409]);
      expect(Number(after[0]?.turn) - Number(before[0]?.turn)).toBe(4);
    });

    it('given the engine restarts, when the next leads start, then the team continues its turns where it was', async () => {
      const [before] = await suite.query<{ turn: string }>('SELECT c.turn FROM team_assignment_cursors c JOIN teams t ON t.id = c.team_id WHERE t.name = $1', [
        'as-rr',
      ]);
      const last = Number(before?.turn);

      await suite.restartEngine();
      const tasks = [];
      for (let n = 0; n < 3; n++) tasks.push(await taskOf(await start('rr')));

      const members = ['as-rr-anna', 'as-rr-bob', 'as-rr-carl'];
      expect(tasks.map((task) => Number(/turn (\d+)/.exec(task.assignment?.reason ?? '')?.[1]))).toEqual([last + 1, last + 2, last + 3]);
      expect(tasks.map((task) => task.assignee)).toEqual([last, last + 1, last + 2].map((turn) => members[turn % 3]));
    });
  });

  it('given members with different open-task counts, when leads start one after another, then the one with the fewest gets each (ties by name)', async () => {
    const first = await taskOf(await start('least'));
    const second = await taskOf(await start('least'));
    const third = await taskOf(await start('least'));
    // dora now has 2 open tasks and emil 1: dora completes both, so she has the fewest.
    const dora = await suite.login('as-dora', 'as-dora-password');
    expect((await complete(first, dora)).status).toBe(200);
    expect((await complete(third, dora)).status).toBe(200);
    const fourth = await taskOf(await start('least'));

    expect([first, second, third].map((task) => task.assignee)).toEqual(['as-dora', 'as-emil', 'as-dora']);
    expect(fourth.assignee).toBe('as-dora');
    expect(second.assignment?.reason).toBe('leastOpenTasks: as-emil has the fewest open tasks in team "as-least" (as-dora 1, as-emil 0)');
  });

  it('given required skills, when a lead starts, then only a user holding all of them gets it; within a team, the fewest open tasks among the qualified', async () => {
    const all = await taskOf(await start('skills'));
    const inTeam = await taskOf(await start('skillsInTeam'));

    expect(all.assignee).toBe('as-fin1');
    expect(all.assignment?.reason).toContain('has banking, german');
    // as-fin1 now has an open task; as-fin2 also has banking and none.
    expect(inTeam.assignee).toBe('as-fin2');
    expect(inTeam.assignment?.reason).toBe(
      'skillMatch: as-fin2 has banking and the fewest open tasks of those who do in team "as-finance" (as-fin1 1, as-fin2 0)',
    );
  });

  it('given a territory decided by the territory rule set, when the task is assigned to the territory owner, then the rule result owner wins over the territory record', async () => {
    const fromRecord = await taskOf(await start('owner', { country: 'DE' }));
    const fromResult = await taskOf(await start('owner', { country: 'CH' }));
    const noTerritory = await taskOf(await start('owner', { country: 'US' }));

    expect(fromRecord.assignee).toBe('as-owner');
    expect(fromRecord.assignment?.reason).toBe('territoryOwner: owner of territory "DACH" (from the territory record)');
    expect(fromResult.assignee).toBe('as-swiss');
    expect(fromResult.assignment?.reason).toBe('territoryOwner: owner of territory "DACH" (from the rule result)');
    expect(noTerritory).toMatchObject({ assignee: null, assignment: { strategy: 'unsorted', requestedStrategy: 'territoryOwner' } });
  });

  it('given a strategy that finds nobody, when the lead starts, then the task waits in the unsorted queue until a manager assigns it; history shows both assignments', async () => {
    const instanceId = await start('empty');
    const queued = await taskOf(instanceId);
    const unmatched = await taskOf(await start('no-such-route'));

    const queue = await suite
      .http()
      .get('/api/v1/tasks?queue=unsorted')
      .set(...bearer(manager));
    const sellerQueue = await suite
      .http()
      .get('/api/v1/tasks?queue=unsorted')
      .set(...bearer(seller));
    const sellerAssign = await suite
      .http()
      .post(`/api/v1/tasks/${queued.id}/assign`)
      .set(...bearer(seller))
      .send({ assignee: 'as-rr-anna' });
    const unknownUser = await suite
      .http()
      .post(`/api/v1/tasks/${queued.id}/assign`)
      .set(...bearer(manager))
      .send({ assignee: 'ghost' });
    const assigned = await suite
      .http()
      .post(`/api/v1/tasks/${queued.id}/assign`)
      .set(...bearer(manager))
      .send({ assignee: 'as-rr-anna' });
    const queueAfter = await suite
      .http()
      .get('/api/v1/tasks?queue=unsorted')
      .set(...bearer(manager));
    const history = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}/history`)
      .set(...admin());

    expect(queued).toMatchObject({ assignee: null, candidateGroups: ['unsorted'] });
    expect(queued.assignment).toEqual({
      strategy: 'unsorted',
      requestedStrategy: 'roundRobin',
      reason: 'roundRobin: team "as-empty" has no members; left in the unsorted queue',
      ruleSet: 'as-assignment',
    });
    expect(unmatched.assignment).toMatchObject({ strategy: 'unsorted', requestedStrategy: 'unsorted' });
    expect((queue.body.items as Task[]).map((task) => task.id)).toEqual(expect.arrayContaining([queued.id, unmatched.id]));
    expect(sellerQueue.status).toBe(403);
    expect(sellerAssign.status).toBe(403);
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.details).toEqual([expect.objectContaining({ path: 'assignee' })]);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      assignee: 'as-rr-anna',
      candidateGroups: [],
      assignment: { strategy: 'manual', by: 'as-manager', reason: 'assigned by as-manager' },
    });
    expect((queueAfter.body.items as Task[]).map((task) => task.id)).not.toContain(queued.id);
    const assignments = (history.body.items as { event: string; payload: Record<string, unknown> }[]).filter((event) => event.event === 'task-assigned');
    expect(assignments.map((event) => event.payload)).toEqual([
      {
        taskId: queued.id,
        user: null,
        strategy: 'unsorted',
        requestedStrategy: 'roundRobin',
        reason: 'roundRobin: team "as-empty" has no members; left in the unsorted queue',
        ruleSet: 'as-assignment',
      },
      {
        taskId: queued.id,
        user: 'as-rr-anna',
        strategy: 'manual',
        requestedStrategy: 'manual',
        reason: 'assigned by as-manager',
        ruleSet: null,
        by: 'as-manager',
      },
    ]);
  });

  it('given an assigned task, when the history is read, then the task-assigned entry follows task-created and names the user, strategy and reason', async () => {
    const instanceId = await start('owner', { country: 'DE' });
    const history = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}/history`)
      .set(...admin());

    const events = history.body.items as { event: string; elementId: string | null; payload: Record<string, unknown> | null }[];
    const created = events.findIndex((event) => event.event === 'task-created' && event.elementId === 'call');
    expect(events[created + 1]).toMatchObject({
      event: 'task-assigned',
      elementId: 'call',
      payload: {
        user: 'as-owner',
        strategy: 'territoryOwner',
        reason: 'territoryOwner: owner of territory "DACH" (from the territory record)',
        ruleSet: 'as-assignment',
      },
    });
  });

  it.each([
    ['is not deployed', 'as-missing', 'is neither a rule set of this deployment nor deployed'],
    ['is a territory rule set', 'as-territories', 'is a territory rule set, not an assignment rule set'],
  ])('given stageflow:assignment that %s, when deployed, then 422 names the user task', async (_label, key, message) => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...admin())
      .send({ name: 'bad', resources: [{ name: 'bad.bpmn', content: assignedLeadDiagram('as_bad', 'as-territories', key) }] });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { resource: 'bad.bpmn', elementId: 'call', message: expect.stringContaining(message) },
      { resource: 'bad.bpmn', elementId: 'followUp', message: expect.stringContaining(message) },
    ]);
  });
});
