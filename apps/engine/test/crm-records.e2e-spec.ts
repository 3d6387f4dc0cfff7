// CRM records through the API: ownership and visibility by role (enforced in the queries: no id,
// filter, search or history reaches another seller's record), history of every change, duplicates,
// catalogs, cursor paging and bad input.
import { setupEngineSuite } from './support/engine-suite.js';
import { createCrmCast, type Person } from './support/crm-cast.js';

const suite = setupEngineSuite();

describe('CRM records', () => {
  let north: Person; // seller in team north
  let northToo: Person; // another seller in team north
  let south: Person; // seller in team south
  let northManager: Person;
  let southManager: Person;
  let analyst: Person;
  let northTeamId = '';

  const api = (token: string) => suite.as(token);

  beforeAll(async () => {
    ({ north, northToo, south, northManager, southManager, analyst } = await createCrmCast(suite));
    northTeamId = (await suite.query<{ id: string }>("SELECT id FROM teams WHERE name = 'north'"))[0]!.id;
  });

  it('makes a seller the owner of what they create, and keeps it from other sellers and other teams’ managers', async () => {
    const created = await api(north.token).post('/organizations', { name: 'Acme Ltd', industry: 'retail', emails: ['info@acme.example'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme Ltd', industry: 'retail', ownerId: north.id, teamId: null, version: 1, custom: {} });
    const id = created.body.id as string;

    expect((await api(north.token).get(`/organizations/${id}`)).status).toBe(200);
    expect((await api(suite.adminToken()).get(`/organizations/${id}`)).status).toBe(200);
    expect((await api(northManager.token).get(`/organizations/${id}`)).status).toBe(200);
    expect((await api(analyst.token).get(`/organizations/${id}`)).status).toBe(200);
    for (const outsider of [northToo, south, southManager]) {
      const response = await api(outsider.token).get(`/organizations/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.error).toBe('not_found');
      expect((await api(outsider.token).get(`/organizations/${id}/history`)).status).toBe(404);
      expect((await api(outsider.token).patch(`/organizations/${id}`, { website: 'https://x.example' })).status).toBe(404);
      expect((await api(outsider.token).delete(`/organizations/${id}`)).status).toBe(404);
    }
  });

  it('lets no filter, search or sort widen what a seller sees', async () => {
    const mine = await api(north.token).post('/contacts', {
      firstName: 'Émile',
      lastName: 'Zoëller',
      phones: ['+49 30 1234567'],
      emails: ['emile@zoeller.example'],
    });
    expect(mine.status).toBe(201);
    const asOther = api(northToo.token);
    expect((await asOther.get(`/contacts?ownerId=${north.id}`)).body.items).toEqual([]);
    expect((await asOther.get('/contacts?q=zoeller')).body.items).toEqual([]);
    expect((await asOther.get('/contacts?sort=-lastName')).body.items.map((item: { id: string }) => item.id)).not.toContain(mine.body.id);
    expect((await asOther.get('/search?q=zoeller')).body.items).toEqual([]);
    // The owner finds it accent- and case-insensitively, and by the phone number written another way.
    expect((await api(north.token).get('/search?q=ZOELLER')).body.items).toEqual([
      expect.objectContaining({ type: 'contact', id: mine.body.id, title: 'Émile Zoëller' }),
    ]);
    expect((await api(north.token).get('/search?q=%2B49301234567')).body.items.map((hit: { id: string }) => hit.id)).toContain(mine.body.id);
    expect((await api(north.token).get('/contacts?q=emile')).body.items.map((item: { id: string }) => item.id)).toEqual([mine.body.id]);
  });

  it('answers the global search type by type, each type’s last changed first, with title, e-mails and phones as stored', async () => {
    const seller = api(north.token);
    const organization = await seller.post('/organizations', { name: 'Quillfeather GmbH', emails: ['info@quillfeather.example'], phones: ['+49 30 7654321'] });
    const older = await seller.post('/contacts', { lastName: 'Quillfeather' });
    const newer = await seller.post('/contacts', { firstName: 'Åsa', lastName: 'Quillfeather', emails: ['asa@quillfeather.example'] });
    const lead = await seller.post('/leads', { title: 'Quillfeather pricing', channel: 'web-form' });
    const deal = await seller.post('/opportunities', { name: 'Quillfeather renewal' });
    for (const created of [organization, older, newer, lead, deal]) expect(created.status).toBe(201);
    // The older contact changed last: it comes first among the contacts.
    expect((await seller.patch(`/contacts/${older.body.id}`, { phones: ['+49 30 1112223'] })).status).toBe(200);
    const expected = [
      { type: 'organization', id: organization.body.id, title: 'Quillfeather GmbH', emails: ['info@quillfeather.example'], phones: ['+49 30 7654321'] },
      { type: 'contact', id: older.body.id, title: 'Quillfeather', emails: [], phones: ['+49 30 1112223'] },
      { type: 'contact', id: newer.body.id, title: 'Åsa Quillfeather', emails: ['asa@quillfeather.example'], phones: [] },
      { type: 'lead', id: lead.body.id, title: 'Quillfeather pricing', emails: [], phones: [] },
      { type: 'opportunity', id: deal.body.id, title: 'Quillfeather renewal', emails: [], phones: [] },
    ];
    expect((await seller.get('/search?q=quillfeath')).body).toEqual({ items: expected });
    expect((await api(northManager.token).get('/search?q=QUILLFEATHER')).body).toEqual({ items: expected });
    expect((await api(southManager.token).get('/search?q=quillfeather')).body).toEqual({ items: [] });
    expect((await api(northToo.token).get('/search?q=quillfeather')).body).toEqual({ items: [] });
    // By phone, written another way: only the record with that number.
    expect((await seller.get('/search?q=%2B49301112223')).body.items.map((hit: { id: string }) => hit.id)).toEqual([older.body.id]);
  });

  it('shows a record without owner to the sellers and manager of its team queue only', async () => {
    const queued = await api(northManager.token).post('/leads', { title: 'Web form: pricing', channel: 'web-form', ownerId: null, teamId: northTeamId });
    expect(queued.status).toBe(201);
    const id = queued.body.id as string;
    expect((await api(north.token).get(`/leads/${id}`)).status).toBe(200);
    expect((await api(northToo.token).get(`/leads/${id}`)).status).toBe(200);
    expect((await api(south.token).get(`/leads/${id}`)).status).toBe(404);
    expect((await api(southManager.token).get(`/leads/${id}`)).status).toBe(404);
  });

  it('keeps every change with who, when, the field, old and new value — and nothing for a write that changes nothing', async () => {
    const created = await api(north.token).post('/opportunities', { name: 'Fleet renewal', value: 12000, currency: 'EUR' });
    const id = created.body.id as string;
    const changed = await api(north.token).patch(`/opportunities/${id}`, { value: 15000, probability: 40 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ value: 15000, probability: 40, version: 2 });
    expect((await api(north.token).patch(`/opportunities/${id}`, { value: 15000 })).body.version).toBe(2);
    const history = await api(north.token).get(`/opportunities/${id}/history`);
    expect(history.status).toBe(200);
    const fields = history.body.items.map((item: { field: string; old: unknown; new: unknown; actor: { name: string }; source: string }) => [
      item.field,
      item.old,
      item.new,
      item.actor.name,
      item.source,
    ]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['value', 12000, 15000, 'nora', 'user'],
        ['probability', null, 40, 'nora', 'user'],
        ['name', null, 'Fleet renewal', 'nora', 'user'],
      ]),
    );
    expect(fields.filter(([field]: [string]) => field === 'value')).toHaveLength(2);
  });

  it('clears a field that is not required with null — an enum field too — and keeps refusing a value outside the enum', async () => {
    const lead = await api(north.token).post('/leads', { title: 'Enum lead', channel: 'call', status: 'working', classification: 'nurturable', need: 'high' });
    expect(lead.status).toBe(201);
    const cleared = await api(north.token).patch(`/leads/${lead.body.id}`, { status: null, classification: null, need: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ status: null, classification: null, need: null });
    const refused = await api(north.token).patch(`/leads/${lead.body.id}`, { status: 'sleeping' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: 'status' })]);
  });

  it('lists the history newest first by number, also where the ids gain a digit (999 before 1000 would be text order)', async () => {
    const created = await api(north.token).post('/organizations', { name: 'Digit Boundary Ltd' });
    // The next two writes get the ids 10^k - 1 and 10^k: compared as text, 10^k sorts first.
    const [{ max }] = await suite.query<{ max: string }>('SELECT max(id)::text AS max FROM crm_record_history');
    await suite.query("SELECT setval('crm_record_history_id_seq', $1)", [10 ** (max.length + 1) - 2]);
    expect((await api(north.token).patch(`/organizations/${created.body.id}`, { industry: 'retail' })).status).toBe(200);
    expect((await api(north.token).patch(`/organizations/${created.body.id}`, { website: 'https://digits.example' })).status).toBe(200);
    const history = await api(north.token).get(`/organizations/${created.body.id}/history`);
    expect(history.body.items.map((item: { field: string }) => item.field)).toEqual(['website', 'industry', 'name', 'ownerId']);
  });

  it('lets only a manager hand a record over, recorded with the reason', async () => {
    const created = await api(north.token).post('/leads', { title: 'Call: fleet', channel: 'call' });
    const id = created.body.id as string;
    expect((await api(north.token).post(`/leads/${id}/owner`, { ownerId: northToo.id })).status).toBe(403);
    const handed = await api(northManager.token).post(`/leads/${id}/owner`, { ownerId: northToo.id, reason: 'Nora is on leave' });
    expect(handed.status).toBe(200);
    expect(handed.body.ownerId).toBe(northToo.id);
    expect((await api(north.token).get(`/leads/${id}`)).status).toBe(404);
    expect((await api(northToo.token).get(`/leads/${id}`)).status).toBe(200);
    const history = await api(northToo.token).get(`/leads/${id}/history`);
    expect(history.body.items[0]).toMatchObject({ field: 'ownerId', old: north.id, new: northToo.id, reason: 'Nora is on leave', actor: { name: 'maria' } });
    expect((await api(north.token).post('/leads', { title: 'x', channel: 'call', ownerId: northToo.id })).status).toBe(403);
  });

  it('refuses a duplicate organization with its candidates, and creates it when insisted', async () => {
    await api(north.token).post('/organizations', { name: 'Müller GmbH', legalId: 'DE 123.456.789', phones: ['030 5555 1234'] });
    const again = await api(north.token).post('/organizations', { name: 'Mueller', legalId: 'de123456789' });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual([expect.objectContaining({ title: 'Müller GmbH', matched: ['legalId'], visible: true })]);
    // Another seller learns a duplicate exists, not whose or what it is.
    const other = await api(south.token).post('/organizations', { name: 'M.', legalId: 'DE123456789' });
    expect(other.status).toBe(409);
    expect(other.body.details).toEqual([{ id: null, title: null, matched: ['legalId'], visible: false }]);
    expect((await api(north.token).post('/organizations?allowDuplicate=true', { name: 'Mueller', legalId: 'de123456789' })).status).toBe(201);
  });

  it('pages with a cursor without repeating or skipping a record', async () => {
    const seller = await suite.createUser('paula', ['seller'], ['paging']);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await api(seller.token).post('/activities', { kind: 'call', subject: `Call ${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api(seller.token).get(`/activities?limit=3&sort=subject${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('pages by creation time without skipping records created within one millisecond', async () => {
    const seller = await suite.createUser('pia', ['seller'], ['paging']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api(seller.token).post('/activities', { kind: 'note', subject: `Note ${i}` })).body.id);
    // PostgreSQL keeps microseconds: five records apart by a microsecond each, all in one millisecond.
    await suite.query(
      `UPDATE crm_activities SET created_at = '2026-03-01T10:00:00.123000Z'::timestamptz + (array_position($1::uuid[], id) * interval '1 microsecond') WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api(seller.token).get(`/activities?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('pages a seller’s and a manager’s lists across own records, queues and other owners’ records with ties on the sort, broken by id, without repeating or skipping a record', async () => {
    const quinn = await suite.createUser('tie-quinn', ['seller'], ['ties-a', 'ties-b']);
    const rita = await suite.createUser('tie-rita', ['seller'], ['ties-a', 'ties-c']);
    const sam = await suite.createUser('tie-sam', ['seller'], ['ties-c']);
    const mona = await suite.createUser('tie-mona', ['manager'], ['ties-a']);
    const teamIds = await suite.query<{ id: string; name: string }>("SELECT id, name FROM teams WHERE name LIKE 'ties-%'");
    const team = (name: string): string => teamIds.find((row) => row.name === name)!.id;
    const due = '2026-05-01T09:00:00.000Z';
    // Many ties on each sort, in every part of each one's visibility: own records (with or without a team),
    // queues, a record naming a team whose owner is not in it; and records neither may see.
    const plan: [subject: string, dueAt: string | null, ownerId: string | null, teamId: string | null][] = [
      ['Tie', due, quinn.id, null],
      ['Tie', null, quinn.id, team('ties-a')],
      ['Alpha', due, quinn.id, null],
      ['Tie', due, null, team('ties-a')],
      ['Tie', null, null, team('ties-a')],
      ['Alpha', due, null, team('ties-b')],
      ['Tie', due, null, team('ties-b')],
      ['Zulu', null, null, team('ties-b')],
      ['Tie', due, quinn.id, team('ties-b')],
      ['Tie', due, rita.id, team('ties-a')],
      ['Tie', null, null, team('ties-c')],
      ['Alpha', due, rita.id, null],
      ['Tie', due, sam.id, team('ties-a')],
      ['Zulu', due, sam.id, team('ties-a')],
      ['Tie', null, sam.id, null],
      ['Alpha', null, mona.id, null],
    ];
    const records: { id: string; subject: string; dueAt: string | null; ownerId: string | null; teamId: string | null }[] = [];
    for (const [subject, dueAt, ownerId, teamId] of plan) {
      const created = await api(suite.adminToken()).post('/activities', { kind: 'task', subject, dueAt, ownerId, teamId });
      expect(created.status).toBe(201);
      records.push({ id: created.body.id as string, subject, dueAt, ownerId, teamId });
    }
    // One creation time for all: the default sort is all ties.
    await suite.query("UPDATE crm_activities SET created_at = '2026-04-01T08:00:00Z' WHERE id = ANY($1::uuid[])", [records.map((row) => row.id)]);

    const pages = async (token: string, query: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await api(token).get(`/activities?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const orders = (visible: typeof records): Record<string, string[]> => ({
      'sort=subject': [...visible].sort((a, b) => (a.subject === b.subject ? byId(a, b) : a.subject < b.subject ? -1 : 1)).map((row) => row.id),
      'sort=-dueAt': [...visible]
        .sort((a, b) => ((a.dueAt ?? '') === (b.dueAt ?? '') ? byId(b, a) : (a.dueAt ?? '') < (b.dueAt ?? '') ? 1 : -1))
        .map((row) => row.id),
      'sort=-createdAt': [...visible].sort((a, b) => byId(b, a)).map((row) => row.id),
      'sort=subject&q=tie': [...visible]
        .filter((row) => row.subject === 'Tie')
        .sort(byId)
        .map((row) => row.id),
    });
    const seller = records.filter((row) => row.ownerId === quinn.id || (row.ownerId === null && [team('ties-a'), team('ties-b')].includes(row.teamId!)));
    const manager = records.filter((row) => row.teamId === team('ties-a') || [quinn.id, rita.id, mona.id].includes(row.ownerId!));
    expect(seller).toHaveLength(9);
    expect(manager).toHaveLength(11);
    for (const [query, expected] of Object.entries(orders(seller))) expect([query, await pages(quinn.token, query)]).toEqual([query, expected]);
    for (const [query, expected] of Object.entries(orders(manager))) expect([query, await pages(mona.token, query)]).toEqual([query, expected]);
  });

  it.each([
    ['an unknown field', '/organizations', { name: 'A', nickname: 'x' }, 'nickname'],
    ['a wrong type', '/opportunities', { name: 'A', value: 'lots' }, 'value'],
    ['a value outside its catalog', '/organizations', { name: 'A', industry: 'alchemy' }, 'industry'],
    ['a currency that is not ISO 4217', '/opportunities', { name: 'A', currency: 'XYZ' }, 'currency'],
    ['a date that does not exist', '/leads', { title: 'A', channel: 'call', timeline: '2027-02-30' }, 'timeline'],
    ['an owner who is not a user', '/organizations', { name: 'A', ownerId: '00000000-0000-0000-0000-000000000001' }, 'ownerId'],
    ['a stage set by hand', '/opportunities', { name: 'A', stage: 'Won' }, 'stage'],
    [
      'a reference to a record the caller cannot see',
      '/leads',
      { title: 'A', channel: 'call', organizationId: '00000000-0000-0000-0000-000000000002' },
      'organizationId',
    ],
    ['a filter that is not one', '/organizations?secret=1', null, 'secret'],
  ])('answers %s with 400 naming the field, and stores nothing', async (_what, path, body, field) => {
    const before = (await suite.query<{ count: string }>('SELECT count(*) FROM crm_record_history'))[0]!.count;
    const response = body === null ? await api(suite.adminToken()).get(path) : await api(suite.adminToken()).post(path, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_request');
    expect(JSON.stringify(response.body.details ?? [])).toContain(field);
    expect((await suite.query<{ count: string }>('SELECT count(*) FROM crm_record_history'))[0]!.count).toBe(before);
  });

  it('lets an analyst read but not write records', async () => {
    expect((await api(analyst.token).get('/organizations')).status).toBe(200);
    expect((await api(analyst.token).post('/organizations', { name: 'A' })).status).toBe(403);
  });

  it('retires a catalog value in use instead of deleting it; a retired value cannot be chosen again', async () => {
    await api(north.token).post('/organizations', { name: 'Retail One', industry: 'logistics' });
    const deleted = await api(suite.adminToken()).delete('/catalogs/industries/logistics');
    expect(deleted.status).toBe(409);
    expect((await api(north.token).patch('/catalogs/industries/logistics', { retired: true })).status).toBe(403);
    expect((await api(suite.adminToken()).patch('/catalogs/industries/logistics', { retired: true })).body.retired).toBe(true);
    const refused = await api(north.token).post('/organizations', { name: 'Retail Two', industry: 'logistics' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'industry', message: 'logistics is retired in the catalog industries' }]);
    const added = await api(suite.adminToken()).post('/catalogs/industries', { label: 'Agriculture & Food' });
    expect(added.status).toBe(201);
    expect(added.body.key).toBe('agriculture-food');
    expect((await api(suite.adminToken()).delete('/catalogs/industries/agriculture-food')).status).toBe(204);
  });
});
