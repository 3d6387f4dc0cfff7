// Comments on CRM records through the API: written by whoever may change the record, read by
// whoever may see it (404 for anyone else), and @mentions that notify only the mentioned users
// who may see the record — other mentions stay text.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { createCrmCast, type Person } from './support/crm-cast.js';

const suite = setupEngineSuite();

describe('CRM comments', () => {
  let north: Person; // seller, owns the records
  let northToo: Person;
  let south: Person;
  let northManager: Person;
  let southManager: Person;
  let analyst: Person;
  let opportunityId = '';

  const get = (token: string, path: string) =>
    suite
      .http()
      .get(`/api/v1${path}`)
      .set(...bearer(token));
  const post = (token: string, path: string, body: object) =>
    suite
      .http()
      .post(`/api/v1${path}`)
      .set(...bearer(token))
      .send(body);
  const notificationsOf = async (person: Person): Promise<string[]> =>
    (await get(person.token, '/notifications')).body.items.map((item: { message: string }) => item.message);

  beforeAll(async () => {
    ({ north, northToo, south, northManager, southManager, analyst } = await createCrmCast(suite));
    opportunityId = (await post(north.token, '/opportunities', { name: 'Fleet renewal' })).body.id;
  });

  it('notifies a mentioned user who may see the record, and keeps the other mentions as text', async () => {
    const text = 'Price agreed. @maria please approve; @nils, @sam and @nobody FYI (mail nora@acme.example).';
    const comment = await post(north.token, `/opportunities/${opportunityId}/comments`, { body: text });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({
      recordType: 'opportunity',
      recordId: opportunityId,
      body: text,
      author: { id: north.id, name: 'nora' },
      notified: ['maria'],
    });

    const maria = await notificationsOf(northManager);
    expect(maria).toHaveLength(1);
    expect(maria[0]).toContain('nora mentioned you on the opportunity "Fleet renewal"');
    expect(maria[0]).toContain(`/api/v1/opportunities/${opportunityId}`);
    // nils is in the team but does not own the deal; sam is in another team: no notification, no hint.
    expect(await notificationsOf(northToo)).toEqual([]);
    expect(await notificationsOf(south)).toEqual([]);
    expect(await notificationsOf(north)).toEqual([]);
  });

  it('notifies an analyst (who reads every record) and not the author mentioning themselves', async () => {
    const comment = await post(north.token, `/opportunities/${opportunityId}/comments`, { body: '@ana can you model this? cc @nora' });
    expect(comment.body.notified).toEqual(['ana']);
    expect(await notificationsOf(analyst)).toHaveLength(1);
    expect(await notificationsOf(north)).toEqual([]);
  });

  it('answers 404 on both routes to sellers and managers who do not see the record', async () => {
    for (const outsider of [northToo, south, southManager]) {
      expect((await post(outsider.token, `/opportunities/${opportunityId}/comments`, { body: 'hi' })).status).toBe(404);
      expect((await get(outsider.token, `/opportunities/${opportunityId}/comments`)).status).toBe(404);
    }
    expect((await get(northManager.token, `/opportunities/${opportunityId}/comments`)).status).toBe(200);
    expect((await post(northManager.token, `/opportunities/${opportunityId}/comments`, { body: 'Approved.' })).status).toBe(201);
    // An analyst reads comments but writes none.
    expect((await get(analyst.token, `/opportunities/${opportunityId}/comments`)).status).toBe(200);
    expect((await post(analyst.token, `/opportunities/${opportunityId}/comments`, { body: 'x' })).status).toBe(403);
  });

  it('lists comments newest first, paged with a cursor', async () => {
    const contact = (await post(north.token, '/contacts', { lastName: 'Kowalski' })).body.id as string;
    for (const text of ['one', 'two', 'three']) expect((await post(north.token, `/contacts/${contact}/comments`, { body: text })).status).toBe(201);
    const first = await get(north.token, `/contacts/${contact}/comments?limit=2`);
    expect(first.body.items.map((item: { body: string }) => item.body)).toEqual(['three', 'two']);
    const second = await get(north.token, `/contacts/${contact}/comments?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: { body: string }) => item.body)).toEqual(['one']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['an empty body', { body: '  ' }, 'body'],
    ['no body', {}, 'body'],
    ['an unknown field', { body: 'x', pinned: true }, 'pinned'],
    ['a body too long', { body: 'x'.repeat(10_001) }, 'body'],
  ])('answers %s with 400 naming the field, and stores nothing', async (_what, body, field) => {
    const before = (await suite.query<{ count: string }>('SELECT count(*) FROM crm_comments'))[0]!.count;
    const response = await post(north.token, `/opportunities/${opportunityId}/comments`, body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
    expect((await suite.query<{ count: string }>('SELECT count(*) FROM crm_comments'))[0]!.count).toBe(before);
  });

  it('answers a cursor or limit that is not one with 400 naming it', async () => {
    expect((await get(north.token, `/opportunities/${opportunityId}/comments?cursor=nonsense`)).body.details).toEqual([
      expect.objectContaining({ path: 'cursor' }),
    ]);
    expect((await get(north.token, `/opportunities/${opportunityId}/comments?limit=0`)).body.details).toEqual([expect.objectContaining({ path: 'limit' })]);
  });

  it('offers as mentionable the users who may see the record, by the start of their name, and not the caller', async () => {
    const names = async (token: string, q: string) =>
      (await get(token, `/opportunities/${opportunityId}/comments/mentionable?q=${encodeURIComponent(q)}`)).body.items.map(
        (user: { username: string }) => user.username,
      );
    // nils (same team, not the owner), sam and mike (another team) may not see the deal: not offered.
    expect(await names(north.token, '')).toEqual(['admin', 'ana', 'maria']);
    expect(await names(north.token, 'M')).toEqual(['maria']);
    expect(await names(north.token, '%')).toEqual([]);
    expect(await names(northManager.token, '')).toEqual(['admin', 'ana', 'nora']);
  });

  it('answers the mention picker 404 for a record the caller does not see, and 400 naming a bad parameter', async () => {
    expect((await get(northToo.token, `/opportunities/${opportunityId}/comments/mentionable?q=m`)).status).toBe(404);
    expect((await get(north.token, `/opportunities/${opportunityId}/comments/mentionable?q=${'x'.repeat(101)}`)).body.details).toEqual([
      expect.objectContaining({ path: 'q' }),
    ]);
    expect((await get(north.token, `/opportunities/${opportunityId}/comments/mentionable?role=seller`)).body.details).toEqual([
      expect.objectContaining({ path: 'role' }),
    ]);
  });
});
