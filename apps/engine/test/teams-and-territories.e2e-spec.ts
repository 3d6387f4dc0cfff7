import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { assignmentRuleSet } from './support/assignment.js';

const suite = setupEngineSuite();

const admin = () => bearer(suite.adminToken());

function actionsRuleSet(key: string): string {
  return JSON.stringify({
    key,
    name: 'Welcome',
    kind: 'actions',
    hitPolicy: 'all',
    facts: {},
    rules: [
      {
        id: 'welcome',
        conditions: { all: [{ fact: '$now', operator: 'daysSince', value: { min: 0 } }] },
        result: { on: 'processStarted', actions: [{ type: 'setVariables', variables: { welcomed: true } }] },
      },
    ],
  });
}

describe('teams', () => {
  let manager: string;
  let seller: string;

  beforeAll(async () => {
    manager = (await suite.createUser('tm-manager', ['manager'])).token;
    seller = (await suite.createUser('tm-seller', ['seller'])).token;
    await suite.createUser('tm-anna', ['seller']);
    await suite.createUser('tm-bob', ['seller']);
  });

  it('given an admin, when a team is created, renamed, given members and read by a manager, then each answer shows the team and its members', async () => {
    const created = await suite
      .http()
      .post('/api/v1/teams')
      .set(...admin())
      .send({ name: 'Nordics' });
    const id = created.body.id as string;
    const renamed = await suite
      .http()
      .patch(`/api/v1/teams/${id}`)
      .set(...admin())
      .send({ name: 'Nordic sales' });
    await suite
      .http()
      .post(`/api/v1/teams/${id}/members`)
      .set(...admin())
      .send({ username: 'tm-bob' });
    const added = await suite
      .http()
      .post(`/api/v1/teams/${id}/members`)
      .set(...admin())
      .send({ username: 'tm-anna' });
    const again = await suite
      .http()
      .post(`/api/v1/teams/${id}/members`)
      .set(...admin())
      .send({ username: 'tm-anna' });
    const members = await suite
      .http()
      .get(`/api/v1/teams/${id}/members`)
      .set(...bearer(manager));
    const read = await suite
      .http()
      .get(`/api/v1/teams/${id}`)
      .set(...bearer(manager));
    const list = await suite
      .http()
      .get('/api/v1/teams')
      .set(...bearer(manager));

    expect(created.status).toBe(201);
    expect(renamed.body).toMatchObject({ id, name: 'Nordic sales', members: [] });
    expect(added.status).toBe(200);
    expect(again.body.members).toEqual(['tm-anna', 'tm-bob']);
    expect(members.body.items).toEqual([
      { id: expect.any(String), username: 'tm-anna', roles: ['seller'], skills: [] },
      { id: expect.any(String), username: 'tm-bob', roles: ['seller'], skills: [] },
    ]);
    expect(read.body).toEqual({ id, name: 'Nordic sales', members: ['tm-anna', 'tm-bob'], createdAt: expect.any(String) });
    expect(list.body.items).toContainEqual(read.body);
  });

  it('given a member, when removed, then the team no longer lists them; removing them again is 404', async () => {
    const id = (
      await suite
        .http()
        .post('/api/v1/teams')
        .set(...admin())
        .send({ name: 'Benelux' })
    ).body.id as string;
    await suite
      .http()
      .post(`/api/v1/teams/${id}/members`)
      .set(...admin())
      .send({ username: 'tm-anna' });

    const removed = await suite
      .http()
      .delete(`/api/v1/teams/${id}/members/tm-anna`)
      .set(...admin());
    const again = await suite
      .http()
      .delete(`/api/v1/teams/${id}/members/tm-anna`)
      .set(...admin());

    expect(removed.status).toBe(200);
    expect(removed.body.members).toEqual([]);
    expect(again.status).toBe(404);
  });

  it.each([
    ['a missing name', {}, 'name'],
    ['a blank name', { name: '  ' }, 'name'],
    ['the reserved queue name', { name: 'unsorted' }, 'name'],
  ])('given %s, when a team is created, then 400 names the field', async (_label, body, path) => {
    const response = await suite
      .http()
      .post('/api/v1/teams')
      .set(...admin())
      .send(body);

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path })]);
  });

  it('given a taken name, when a team is created or renamed to it, then 409', async () => {
    await suite
      .http()
      .post('/api/v1/teams')
      .set(...admin())
      .send({ name: 'Iberia' });
    const other = (
      await suite
        .http()
        .post('/api/v1/teams')
        .set(...admin())
        .send({ name: 'France' })
    ).body.id as string;

    expect(
      (
        await suite
          .http()
          .post('/api/v1/teams')
          .set(...admin())
          .send({ name: 'Iberia' })
      ).status,
    ).toBe(409);
    expect(
      (
        await suite
          .http()
          .patch(`/api/v1/teams/${other}`)
          .set(...admin())
          .send({ name: 'Iberia' })
      ).status,
    ).toBe(409);
  });

  it('given unknown teams and users, when used, then 404 for the team and 400 naming username for the user', async () => {
    const id = (
      await suite
        .http()
        .post('/api/v1/teams')
        .set(...admin())
        .send({ name: 'Baltics' })
    ).body.id as string;

    expect(
      (
        await suite
          .http()
          .get('/api/v1/teams/00000000-0000-4000-8000-000000000000')
          .set(...admin())
      ).status,
    ).toBe(404);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/teams/not-a-uuid')
          .set(...admin())
      ).status,
    ).toBe(404);
    const unknownUser = await suite
      .http()
      .post(`/api/v1/teams/${id}/members`)
      .set(...admin())
      .send({ username: 'nobody' });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.details).toEqual([expect.objectContaining({ path: 'username' })]);
  });

  it('given a manager and a seller, when they change or read teams, then the manager reads only and the seller neither', async () => {
    expect(
      (
        await suite
          .http()
          .post('/api/v1/teams')
          .set(...bearer(manager))
          .send({ name: 'Managers team' })
      ).status,
    ).toBe(403);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/teams')
          .set(...bearer(seller))
      ).status,
    ).toBe(403);
  });

  it('given a team a territory names, when deleted, then 409 names the territory; once the territory is gone, 204 and its members leave it', async () => {
    const id = (
      await suite
        .http()
        .post('/api/v1/teams')
        .set(...admin())
        .send({ name: 'Alps' })
    ).body.id as string;
    await suite
      .http()
      .post(`/api/v1/teams/${id}/members`)
      .set(...admin())
      .send({ username: 'tm-bob' });
    await suite
      .http()
      .post('/api/v1/territories')
      .set(...admin())
      .send({ key: 'Alps', name: 'Alps', team: 'Alps' });

    const refused = await suite
      .http()
      .delete(`/api/v1/teams/${id}`)
      .set(...admin());
    await suite
      .http()
      .delete('/api/v1/territories/Alps')
      .set(...admin());
    const deleted = await suite
      .http()
      .delete(`/api/v1/teams/${id}`)
      .set(...admin());
    const bob = await suite.query<{ team_ids: string[] }>("SELECT team_ids FROM users WHERE username = 'tm-bob'");

    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([{ territory: 'Alps' }]);
    expect(deleted.status).toBe(204);
    expect(
      (
        await suite
          .http()
          .get(`/api/v1/teams/${id}`)
          .set(...admin())
      ).status,
    ).toBe(404);
    expect(bob[0]?.team_ids).not.toContain(id);
  });
});

describe('user skills', () => {
  let users = 0;

  it('given an admin, when a user is created with skills and then changed, then the user shows the skills', async () => {
    const created = await suite
      .http()
      .post('/api/v1/users')
      .set(...admin())
      .send({ username: 'sk-carl', password: 'sk-carl-password', roles: ['seller'], skills: ['Banking', 'German'] });
    const changed = await suite
      .http()
      .patch(`/api/v1/users/${created.body.id}`)
      .set(...admin())
      .send({ skills: ['insurance'] });

    expect(created.body.skills).toEqual(['Banking', 'German']);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: 'sk-carl', skills: ['insurance'] });
  });

  it.each([
    ['a skill that is not a string', { skills: ['banking', 7] }, 'skills[1]'],
    ['a repeated skill', { skills: ['banking', 'Banking'] }, 'skills[1]'],
    ['no skills', {}, 'skills'],
    ['another field', { roles: ['admin'] }, 'roles'],
  ])('given %s, when a user is changed, then 400 names the field and nothing changes', async (_label, body, path) => {
    const { id } = await suite.createUser(`sk-user-${++users}`, ['seller']);

    const response = await suite
      .http()
      .patch(`/api/v1/users/${id}`)
      .set(...admin())
      .send(body);
    const stored = await suite.query<{ skills: string[]; roles: string[] }>('SELECT skills, roles FROM users WHERE id = $1', [id]);

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path })]);
    expect(stored[0]).toEqual({ skills: [], roles: ['seller'] });
  });
});

describe('territories', () => {
  let manager: string;

  beforeAll(async () => {
    manager = (await suite.createUser('tr-manager', ['manager'])).token;
    await suite.createUser('tr-anna', ['seller'], ['tr-dach']);
    await suite.createUser('tr-bob', ['seller'], ['tr-emea']);
    await suite.deploy([
      { name: 'welcome.rule-set.json', content: actionsRuleSet('tr-welcome') },
      { name: 'assign.rule-set.json', content: assignmentRuleSet('tr-assign', { any: { strategy: 'roundRobin' } }) },
    ]);
  });

  it('given an admin, when a territory is created, read, changed and deleted, then each answer shows it and a manager can read it', async () => {
    const created = await suite
      .http()
      .post('/api/v1/territories')
      .set(...admin())
      .send({ key: 'DACH Enterprise', name: 'DACH enterprise accounts', team: 'tr-dach', defaultOwner: 'tr-anna', actions: ['tr-welcome'] });
    const read = await suite
      .http()
      .get(`/api/v1/territories/${encodeURIComponent('DACH Enterprise')}`)
      .set(...bearer(manager));
    const changed = await suite
      .http()
      .patch(`/api/v1/territories/${encodeURIComponent('DACH Enterprise')}`)
      .set(...admin())
      .send({ team: 'tr-emea', defaultOwner: null });
    const list = await suite
      .http()
      .get('/api/v1/territories')
      .set(...bearer(manager));
    const deleted = await suite
      .http()
      .delete(`/api/v1/territories/${encodeURIComponent('DACH Enterprise')}`)
      .set(...admin());
    const gone = await suite
      .http()
      .get(`/api/v1/territories/${encodeURIComponent('DACH Enterprise')}`)
      .set(...admin());

    expect(created.status).toBe(201);
    expect(read.body).toEqual({
      key: 'DACH Enterprise',
      name: 'DACH enterprise accounts',
      team: 'tr-dach',
      teamId: expect.any(String),
      defaultOwner: 'tr-anna',
      actions: ['tr-welcome'],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(changed.body).toMatchObject({
      key: 'DACH Enterprise',
      name: 'DACH enterprise accounts',
      team: 'tr-emea',
      defaultOwner: null,
      actions: ['tr-welcome'],
    });
    expect(list.body.items).toContainEqual(changed.body);
    expect(deleted.status).toBe(204);
    expect(gone.status).toBe(404);
  });

  it.each([
    ['no key', { name: 'x' }, 'key'],
    ['a key with surrounding spaces', { key: ' DACH', name: 'x' }, 'key'],
    ['no name', { key: 'T1' }, 'name'],
    ['an unknown team', { key: 'T2', name: 'x', team: 'no-such-team' }, 'team'],
    ['an unknown default owner', { key: 'T3', name: 'x', defaultOwner: 'ghost' }, 'defaultOwner'],
    ['actions that are not deployed', { key: 'T4', name: 'x', actions: ['tr-welcome', 'nope'] }, 'actions[1]'],
    ['actions that name an assignment rule set', { key: 'T5', name: 'x', actions: ['tr-assign'] }, 'actions[0]'],
    ['an unknown field', { key: 'T6', name: 'x', owner: 'tr-anna' }, 'owner'],
  ])('given %s, when a territory is created, then 400 names the field and nothing is stored', async (_label, body, path) => {
    const response = await suite
      .http()
      .post('/api/v1/territories')
      .set(...admin())
      .send(body);
    const stored = await suite.query<{ count: string }>("SELECT count(*) FROM territories WHERE key LIKE 'T%'");

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path })]);
    expect(Number(stored[0]?.count)).toBe(0);
  });

  it('given an existing territory, when created again, then 409; when its key is changed, then 400; when unknown, then 404', async () => {
    await suite
      .http()
      .post('/api/v1/territories')
      .set(...admin())
      .send({ key: 'Nordics', name: 'Nordics' });

    expect(
      (
        await suite
          .http()
          .post('/api/v1/territories')
          .set(...admin())
          .send({ key: 'Nordics', name: 'Again' })
      ).status,
    ).toBe(409);
    const rekey = await suite
      .http()
      .patch('/api/v1/territories/Nordics')
      .set(...admin())
      .send({ key: 'North' });
    expect(rekey.status).toBe(400);
    expect(rekey.body.details).toEqual([expect.objectContaining({ path: 'key' })]);
    expect(
      (
        await suite
          .http()
          .patch('/api/v1/territories/Nowhere')
          .set(...admin())
          .send({ name: 'x' })
      ).status,
    ).toBe(404);
    expect(
      (
        await suite
          .http()
          .delete('/api/v1/territories/Nowhere')
          .set(...admin())
      ).status,
    ).toBe(404);
  });

  it('given a manager, when a territory is created, then 403', async () => {
    expect(
      (
        await suite
          .http()
          .post('/api/v1/territories')
          .set(...bearer(manager))
          .send({ key: 'M', name: 'M' })
      ).status,
    ).toBe(403);
  });
});
