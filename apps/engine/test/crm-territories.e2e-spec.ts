// Territories meet records: the territory rule sets place organizations, contacts and leads on
// create and again when a field they read changes, in the write's transaction, with a history entry
// naming the rule (`rule`, `<ruleSetKey>/<ruleId>`); a record created without an owner gets the
// territory's owner and team. A new version of a territory rule set places every record again (a job).
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

// Batches of two: the re-placement after a deployment walks each record type in several.
const suite = setupEngineSuite({ env: { STAGEFLOW_TERRITORY_BATCH: '2' } });
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

  describe('when a new version of a territory rule set is deployed', () => {
    interface Placed {
      path: string;
      territory: string | null;
      ownerId: string | null;
      ruleEntries: number;
    }
    /** Every organization, contact and lead with its territory, owner and number of rule entries in its history. */
    async function placedRecords(): Promise<Placed[]> {
      const placed: Placed[] = [];
      for (const type of ['organizations', 'contacts', 'leads']) {
        const list = (await admin().get(`/${type}?limit=200`)).body as { items: { id: string; territory: string | null; ownerId: string | null }[] };
        for (const item of list.items) {
          const path = `/${type}/${item.id}`;
          placed.push({ path, territory: item.territory, ownerId: item.ownerId, ruleEntries: ruleEntries(await history(path)).length });
        }
      }
      return placed.sort((a, b) => a.path.localeCompare(b.path));
    }
    const replacementJobs = async () =>
      Number((await suite.query<{ count: string }>("SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'crm.territory-replacement'"))[0]!.count);
    let before: Placed[] = [];

    beforeAll(async () => {
      // A record of each type that the fallback holds, besides those the tests above made (more than one batch of each).
      await admin().post('/organizations', { name: 'Plain Org' });
      await admin().post('/leads', { title: 'Old rules', channel: 'call', landingPage: 'https://shop.example.com/', ownerId: anna.id });
      before = await placedRecords();
      expect(before.filter((record) => record.territory === 'Unsorted').length).toBeGreaterThan(3);
      await suite.deploy([{ name: 'ct-territories.rule-set.json', content: territoryRuleSet('Elsewhere') }]);
      await eventually(async () => ((await replacementJobs()) === 0 ? true : undefined), 'the re-placement jobs to finish');
    });

    it('then a job places every organization, contact and lead again by it, in batches: the history names the rule that moved each', async () => {
      const after = await placedRecords();
      expect(after.map((record) => record.path)).toEqual(before.map((record) => record.path));
      for (const [index, was] of before.entries()) {
        const now = after[index]!;
        if (was.territory !== 'Unsorted') continue;
        expect(now).toMatchObject({ territory: 'Elsewhere', ownerId: was.ownerId, ruleEntries: was.ruleEntries + 1 });
        expect(ruleEntries(await history(now.path))[0]).toMatchObject({
          sourceName: 'ct-territories/fallback',
          actor: { id: null, name: 'engine' },
          field: 'territory',
          old: 'Unsorted',
          new: 'Elsewhere',
        });
      }
    });

    it('then a record whose territory does not change gets no history entry, and no owner changes', async () => {
      const after = await placedRecords();
      const stayed = before.filter((record) => record.territory !== 'Unsorted');
      expect(stayed.map((record) => record.territory)).toEqual(expect.arrayContaining(['Retail', 'DACH']));
      for (const was of stayed) expect(after.find((record) => record.path === was.path)).toEqual(was);
    });

    it('then placing again by a version that decides the same moves nothing (idempotent)', async () => {
      const placed = await placedRecords();
      // Another version (another name: a new content hash) with the same rules: every record is placed again, none moves.
      const same = JSON.parse(territoryRuleSet('Elsewhere')) as Record<string, unknown>;
      await suite.deploy([{ name: 'ct-territories.rule-set.json', content: JSON.stringify({ ...same, name: 'Record territories, renamed' }) }]);
      await eventually(async () => ((await replacementJobs()) === 0 ? true : undefined), 'the re-placement jobs to finish');
      expect(await placedRecords()).toEqual(placed);
    });
  });
});
