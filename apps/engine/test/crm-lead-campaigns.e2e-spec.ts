// A lead's campaign is a reference to a campaign row: the API refuses one that does not exist
// (400 naming campaignId), the campaign counts its leads (and the cost per lead), a campaign with
// leads cannot be deleted — and the migration converted the free values leads had before.
import { randomUUID } from 'node:crypto';
import { LeadCampaignReference1765000000750 } from '../src/crm/records/migrations/1765000000750-lead-campaign-reference.migration.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { createCrmCast, type Person } from './support/crm-cast.js';

const suite = setupEngineSuite();

describe('CRM leads and their campaigns', () => {
  let north: Person;
  let south: Person;
  let northManager: Person;
  const api = (token: string) => suite.as(token);

  beforeAll(async () => {
    ({ north, south, northManager } = await createCrmCast(suite));
  });

  it('links a lead to an existing campaign, which counts its leads — all of them — and the cost per lead', async () => {
    const campaign = await api(northManager.token).post('/campaigns', { name: 'Trade fair 2027', channel: 'web-form', budget: 1000, currency: 'EUR' });
    expect(campaign.status).toBe(201);
    expect(campaign.body).toMatchObject({ leadCount: 0, costPerLead: null });
    const campaignId = campaign.body.id as string;
    for (const [person, title] of [
      [north, 'Fair visitor A'],
      [north, 'Fair visitor B'],
      [south, 'Fair visitor C'],
    ] as const) {
      const lead = await api(person.token).post('/leads', { title, channel: 'web-form', campaignId });
      expect(lead.status).toBe(201);
      expect(lead.body.campaignId).toBe(campaignId);
    }
    expect((await api(north.token).post('/leads', { title: 'Walk-in', channel: 'web-form' })).body.campaignId).toBeNull();

    expect((await api(north.token).get(`/campaigns/${campaignId}`)).body).toMatchObject({ leadCount: 3, costPerLead: 333.33 });
    const listed = (await api(north.token).get('/campaigns?q=Trade%20fair')).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: campaignId, leadCount: 3 })]);
    // The leads themselves stay as visible as ever: north's list by campaign shows north's two.
    const leads = await api(north.token).get(`/leads?campaignId=${campaignId}`);
    expect(leads.body.items.map((lead: { title: string }) => lead.title).sort()).toEqual(['Fair visitor A', 'Fair visitor B']);
  });

  it('refuses a campaign that does not exist with 400 naming campaignId, on create and on update, and stores nothing', async () => {
    const missing = randomUUID();
    const created = await api(north.token).post('/leads', { title: 'Ghost campaign', channel: 'web-form', campaignId: missing });
    expect(created.status).toBe(400);
    expect(created.body.details).toEqual([expect.objectContaining({ path: 'campaignId' })]);
    expect(await suite.query("SELECT id FROM crm_leads WHERE title = 'Ghost campaign'")).toEqual([]);
    const lead = (await api(north.token).post('/leads', { title: 'Real lead', channel: 'web-form' })).body;
    const updated = await api(north.token).patch(`/leads/${lead.id}`, { campaignId: missing });
    expect(updated.status).toBe(400);
    expect(updated.body.details).toEqual([expect.objectContaining({ path: 'campaignId' })]);
    expect((await api(north.token).patch(`/leads/${lead.id}`, { campaignId: 'spring' })).body.details).toEqual([
      expect.objectContaining({ path: 'campaignId' }),
    ]);
    expect((await api(north.token).get(`/leads/${lead.id}`)).body).toMatchObject({ campaignId: null, version: 1 });
  });

  it('answers the old free-text field with 400 naming campaign (it is campaignId now)', async () => {
    const response = await api(north.token).post('/leads', { title: 'Old client', channel: 'web-form', campaign: 'Spring' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'campaign' })]);
  });

  it('refuses to delete a campaign that has leads (409), and deletes it once none names it', async () => {
    const campaign = (await api(northManager.token).post('/campaigns', { name: 'Short-lived', channel: 'call' })).body;
    const lead = (await api(north.token).post('/leads', { title: 'Caller', channel: 'call', campaignId: campaign.id })).body;
    const refused = await suite
      .http()
      .delete(`/api/v1/campaigns/${campaign.id}`)
      .set(...bearer(northManager.token));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('has leads');
    expect((await api(north.token).patch(`/leads/${lead.id}`, { campaignId: null })).status).toBe(200);
    const deleted = await suite
      .http()
      .delete(`/api/v1/campaigns/${campaign.id}`)
      .set(...bearer(northManager.token));
    expect(deleted.status).toBe(204);
  });

  describe('the migration from the free value', () => {
    const migration = new LeadCampaignReference1765000000750();
    const runner = { query: (sql: string) => suite.query(sql) } as unknown as Parameters<typeof migration.up>[0];
    const ids = { byId: randomUUID(), byName: randomUUID(), unknown: randomUUID(), unknownWithList: randomUUID(), shared: randomUUID() };
    let fair = '';

    beforeAll(async () => {
      fair = (await api(northManager.token).post('/campaigns', { name: 'Autumn Fair', channel: 'web-form' })).body.id;
      for (const name of ['Newsletter', 'Newsletter']) await api(northManager.token).post('/campaigns', { name, channel: 'e-mail' });
      // Back to the schema before it, with leads as they were written then; then forward again.
      await migration.down(runner);
      const insert = (id: string, campaign: string, sourceList: string | null) =>
        suite.query(`INSERT INTO crm_leads (id, title, channel, campaign, source_list, owner_id) VALUES ($1, $2, 'web-form', $3, $4, $5)`, [
          id,
          `Migrated ${campaign}`,
          campaign,
          sourceList,
          north.id,
        ]);
      await insert(ids.byId, fair.toUpperCase(), null);
      await insert(ids.byName, '  autumn fair ', null);
      await insert(ids.unknown, 'Radio spot', null);
      await insert(ids.unknownWithList, 'Radio spot', 'Chamber members');
      await insert(ids.shared, 'newsletter', null);
      await migration.up(runner);
    });

    it('turns a value naming a campaign by id or by its one name into campaignId, and keeps the others in sourceList when it is free', async () => {
      const lead = async (id: string) => (await api(north.token).get(`/leads/${id}`)).body as Record<string, unknown>;
      expect(await lead(ids.byId)).toMatchObject({ campaignId: fair, sourceList: null, version: 2 });
      expect(await lead(ids.byName)).toMatchObject({ campaignId: fair, sourceList: null });
      expect(await lead(ids.unknown)).toMatchObject({ campaignId: null, sourceList: 'Radio spot' });
      expect(await lead(ids.unknownWithList)).toMatchObject({ campaignId: null, sourceList: 'Chamber members', version: 2 });
      // Two campaigns are called "Newsletter": the value names neither.
      expect(await lead(ids.shared)).toMatchObject({ campaignId: null, sourceList: 'newsletter' });
      expect((await api(north.token).get(`/campaigns/${fair}`)).body.leadCount).toBe(2);
    });

    it('writes each converted lead a history entry with the old value, so none is lost', async () => {
      const history = async (id: string) =>
        (await api(north.token).get(`/leads/${id}/history`)).body.items.map((item: Record<string, unknown>) => [item.field, item.old, item.new, item.source]);
      expect(await history(ids.byName)).toEqual([
        ['campaign', '  autumn fair ', null, 'system'],
        ['campaignId', null, fair, 'system'],
      ]);
      expect(await history(ids.unknown)).toEqual([
        ['campaign', 'Radio spot', null, 'system'],
        ['sourceList', null, 'Radio spot', 'system'],
      ]);
      expect(await history(ids.unknownWithList)).toEqual([['campaign', 'Radio spot', null, 'system']]);
    });
  });
});
