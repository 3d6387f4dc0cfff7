// Territories meet records: the territory rule sets place organizations, contacts and leads on
// create and again when a field they read changes, in the write's transaction, with a history entry
// naming the rule (`rule`, `<ruleSetKey>/<ruleId>`); a record created without an owner gets the
// territory's owner and team.
import { setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();
const admin = () => suite.as(suite.adminToken());

const DE_SHOP = 'https://shop.example.de/';

function territoryRuleSet(fallback: string): string {
  return JSON.stringify({
    key: 'ct-territories',
    name: 'Record territories',
    kind: 'territory',
    hitPolicy: 'first',
    facts: { industry: 'string', record: 'object', recordType: 'string' },
    rules: [
      {
        id: 'retail',
        priority: 10,
        conditions: { all: [{ fact: 'industry', operator: 'equal', value: 'retail' }] },
        result: { territory: 'Retail', team: 'ct-retail', owner: 'ct-bob' },
      },
      {
        id: 'dach',
        conditions: {
          all: [
            { fact: 'recordType', operator: 'equal', value: 'lead' },
            { fact: 'record', path: '$.landingPage', operator: 'startsWith', value: DE_SHOP },
          ],
        },
        result: { territory: 'DACH' },
      },
    ],
    fallback: { territory: fallback },
  });
}

interface HistoryItem {
  source: string;
  sourceName: string | null;
  actor: { id: string | null; name: string };
  field: string;
  old: unknown;
  new: unknown;
}

async function history(path: string): Promise<HistoryItem[]> {
  const response = await admin().get(`${path}/history`);
  expect(response.status).toBe(200);
  return (response.body as { items: HistoryItem[] }).items;
}

const ruleEntries = (items: HistoryItem[]) => items.filter((item) => item.source === 'rule');

describe('territories of records', () => {
  let anna: { id: string; token: string };
  let bob: { id: string; token: string };
  let dachTeam: string;
  let retailTeam: string;

  beforeAll(async () => {
    anna = await suite.createUser('ct-anna', ['seller'], ['ct-dach']);
    bob = await suite.createUser('ct-bob', ['seller'], ['ct-retail']);
    const teams = (await admin().get('/teams')).body as { items: { id: string; name: string }[] };
    dachTeam = teams.items.find((team) => team.name === 'ct-dach')!.id;
    retailTeam = teams.items.find((team) => team.name === 'ct-retail')!.id;
    expect((await admin().post('/territories', { key: 'DACH', name: 'DACH', team: 'ct-dach', defaultOwner: 'ct-anna' })).status).toBe(201);
    await suite.deploy([{ name: 'ct-territories.rule-set.json', content: territoryRuleSet('Unsorted') }]);
  });

  it('given a retail organization created without an owner, when read, then it is in Retail with the rule result’s owner and team, the history naming the rule', async () => {
    const created = await admin().post('/organizations', { name: 'Retail Org', industry: 'retail' });
    expect(created.status).toBe(201);
    // The answer is the record as committed, placed.
    expect(created.body).toMatchObject({ territory: 'Retail', ownerId: bob.id, teamId: retailTeam });
    const id = (created.body as { id: string }).id;

    const read = await admin().get(`/organizations/${id}`);
    expect(read.body).toMatchObject({ territory: 'Retail', ownerId: bob.id, teamId: retailTeam });
    expect(ruleEntries(await history(`/organizations/${id}`))).toEqual([
      expect.objectContaining({ sourceName: 'ct-territories/retail', actor: { id: null, name: 'engine' }, field: 'territory', old: null, new: 'Retail' }),
      expect.objectContaining({ sourceName: 'ct-territories/retail', field: 'ownerId', old: null, new: bob.id }),
      expect.objectContaining({ sourceName: 'ct-territories/retail', field: 'teamId', old: null, new: retailTeam }),
    ]);
  });

  it('given a seller’s lead, when created, then it is placed and stays the seller’s', async () => {
    const created = await suite.as(anna.token).post('/leads', { title: 'Web form', channel: 'web-form', landingPage: `${DE_SHOP}angebot` });
    expect(created.status).toBe(201);
    const read = await suite.as(anna.token).get(`/leads/${(created.body as { id: string }).id}`);
    expect(read.body).toMatchObject({ territory: 'DACH', ownerId: anna.id, teamId: null });
  });

  it('given an ownerless lead in a territory whose rule names no owner, when created, then the territory record’s owner and team take it', async () => {
    const created = await admin().post('/leads', { title: 'Inbound DE', channel: 'web-form', landingPage: `${DE_SHOP}kontakt` });
    const id = (created.body as { id: string }).id;
    const read = await admin().get(`/leads/${id}`);
    expect(read.body).toMatchObject({ territory: 'DACH', ownerId: anna.id, teamId: dachTeam });
    // Anna now sees it: it is hers.
    expect((await suite.as(anna.token).get(`/leads/${id}`)).status).toBe(200);
  });

  it('given a lead created for an owner, when placed, then the owner stays', async () => {
    const created = await admin().post('/leads', { title: 'For Bob', channel: 'call', ownerId: bob.id, landingPage: `${DE_SHOP}x` });
    const read = await admin().get(`/leads/${(created.body as { id: string }).id}`);
    expect(read.body).toMatchObject({ territory: 'DACH', ownerId: bob.id, teamId: null });
  });

  it('given a lead and an organization, when a field the rules read changes, then they move, the history naming the rule', async () => {
    const lead = (await suite.as(anna.token).post('/leads', { title: 'Elsewhere', channel: 'call', landingPage: 'https://shop.example.com/' })).body as {
      id: string;
    };
    expect((await admin().get(`/leads/${lead.id}`)).body).toMatchObject({ territory: 'Unsorted' });

    const moved = await suite.as(anna.token).patch(`/leads/${lead.id}`, { landingPage: `${DE_SHOP}preise` });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ territory: 'DACH' });
    expect((await admin().get(`/leads/${lead.id}`)).body).toMatchObject({ territory: 'DACH', ownerId: anna.id });
    const entries = ruleEntries(await history(`/leads/${lead.id}`));
    expect(entries.map(({ sourceName, field, old, new: value }) => ({ sourceName, field, old, new: value }))).toEqual([
      { sourceName: 'ct-territories/dach', field: 'territory', old: 'Unsorted', new: 'DACH' },
      { sourceName: 'ct-territories/fallback', field: 'territory', old: null, new: 'Unsorted' },
    ]);

    const org = (await suite.as(bob.token).post('/organizations', { name: 'Shop Two', industry: 'retail' })).body as { id: string };
    await suite.as(bob.token).patch(`/organizations/${org.id}`, { industry: 'logistics' });
    expect((await admin().get(`/organizations/${org.id}`)).body).toMatchObject({ territory: 'Unsorted', ownerId: bob.id });
    expect(ruleEntries(await history(`/organizations/${org.id}`))[0]).toMatchObject({
      sourceName: 'ct-territories/fallback',
      field: 'territory',
      old: 'Retail',
      new: 'Unsorted',
    });
  });

  it('given a contact, when created, then it is placed too', async () => {
    const created = await suite.as(anna.token).post('/contacts', { firstName: 'Eva', lastName: 'Example' });
    expect(created.status).toBe(201);
    expect((await admin().get(`/contacts/${(created.body as { id: string }).id}`)).body).toMatchObject({ territory: 'Unsorted' });
  });

  it('given a new version that would place differently, when a field the rules do not read changes, then nothing is evaluated; when one they read changes, the new version decides', async () => {
    const lead = (await suite.as(anna.token).post('/leads', { title: 'Old rules', channel: 'call', landingPage: 'https://shop.example.com/' })).body as {
      id: string;
    };
    expect((await admin().get(`/leads/${lead.id}`)).body).toMatchObject({ territory: 'Unsorted' });
    await suite.deploy([{ name: 'ct-territories.rule-set.json', content: territoryRuleSet('Elsewhere') }]);

    await suite.as(anna.token).patch(`/leads/${lead.id}`, { title: 'Renamed', status: 'working' });
    expect((await admin().get(`/leads/${lead.id}`)).body).toMatchObject({ title: 'Renamed', territory: 'Unsorted' });
    expect(ruleEntries(await history(`/leads/${lead.id}`))).toHaveLength(1);

    await suite.as(anna.token).patch(`/leads/${lead.id}`, { landingPage: 'https://shop.example.org/' });
    expect((await admin().get(`/leads/${lead.id}`)).body).toMatchObject({ territory: 'Elsewhere' });
    expect(ruleEntries(await history(`/leads/${lead.id}`))[0]).toMatchObject({ sourceName: 'ct-territories/fallback', old: 'Unsorted', new: 'Elsewhere' });
  });
});
