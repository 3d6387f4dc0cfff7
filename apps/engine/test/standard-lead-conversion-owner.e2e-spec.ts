// Who owns the deal a lead converts into (process-definitions/lead, issue 14): the lead's owner; a
// web-form lead no seller owns (its territory names a team, no default owner) belongs, with its
// deal, to the seller who completes the converting first contact — the lead's history says so and
// why — and her teammate, who saw the team's unowned lead, does not see her deal.
import { createCrmCast, type CrmCast } from './support/crm-cast.js';
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { deployStandardPackages, openTask, recordInstance, setPackageParameters } from './support/standard-packages.js';

const suite = setupEngineSuite();
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const REGIONS = {
  key: 'lo-regions',
  name: 'Sales regions',
  kind: 'territory',
  hitPolicy: 'first',
  facts: { recordType: 'string' },
  rules: [{ id: 'leads-north', conditions: { all: [{ fact: 'recordType', operator: 'equal', value: 'lead' }] }, result: { territory: 'lo-north' } }],
  fallback: { territory: 'lo-north' },
};

interface HistoryItem {
  field: string;
  old: unknown;
  new: unknown;
  source: string;
  sourceName: string | null;
  reason: string | null;
}

describe('the owner of a converted lead’s deal', () => {
  let cast: CrmCast;
  let webForm = { id: '', token: '' };

  beforeAll(async () => {
    cast = await createCrmCast(suite);
    webForm = await suite.createUser('lo-web-form', ['integrator']);
    const admin = suite.as(suite.adminToken());
    expect((await admin.post('/territories', { key: 'lo-north', name: 'North', team: 'north' })).status).toBe(201);
    await suite.deploy([{ name: 'regions.rule-set.json', content: JSON.stringify(REGIONS) }]);
    await deployStandardPackages(suite, ['account', 'opportunity', 'lead']);
    await setPackageParameters(suite, 'opportunity', { dealTeams: ['north'] });
  }, 120_000);

  /** The manager gives the open task at `elementId` to nora, who completes it with `variables`. */
  async function noraCompletes(instanceId: string, elementId: string, variables: Record<string, unknown>): Promise<void> {
    const task = await openTask(suite, instanceId, elementId);
    expect((await suite.as(cast.northManager.token).post(`/tasks/${task.id}/assign`, { assignee: 'nora' })).status).toBe(200);
    expect((await suite.as(cast.north.token).post(`/tasks/${task.id}/complete`, { variables })).status).toBe(200);
  }

  it('gives an unowned web-form lead and its deal to the seller who converts it; her teammate gets 404 for the deal', async () => {
    const created = await suite.as(webForm.token).post('/leads', {
      channel: 'web-form',
      title: 'Cold storage for 12 trucks',
      contactName: 'Jon Roe',
      emails: ['jon.roe@frost.example'],
      budget: 40000,
      authority: 'decision-maker',
      need: 'high',
      timeline: isoDate(45),
    });
    expect(created.status).toBe(201);
    const leadId = created.body.id as string;
    expect(created.body).toMatchObject({ ownerId: null, teamId: expect.any(String) });
    // The team's unowned lead: every seller of the team sees it.
    expect((await suite.as(cast.northToo.token).get(`/leads/${leadId}`)).status).toBe(200);

    const instanceId = await recordInstance(suite, `/leads/${leadId}`);
    await noraCompletes(instanceId, 'checkDuplicates', { duplicate: false });
    await noraCompletes(instanceId, 'firstContact', {
      outcome: 'convert',
      companyName: 'Frost Freight',
      contactFirstName: 'Jon',
      contactLastName: 'Roe',
      dealValue: 25000,
    });

    const lead = await eventually(async () => {
      const body = (await suite.as(suite.adminToken()).get(`/leads/${leadId}`)).body as Record<string, unknown>;
      return body.status === 'converted' ? body : undefined;
    }, 'the lead converted');
    expect(lead.ownerId).toBe(cast.north.id);
    const history = (await suite.as(cast.north.token).get(`/leads/${leadId}/history`)).body.items as HistoryItem[];
    expect(history.filter((item) => item.field === 'ownerId')).toEqual([
      expect.objectContaining({
        old: null,
        new: cast.north.id,
        source: 'process',
        sourceName: 'lead-generation',
        reason: 'lead-generation: converted by nora at Make the first contact while the lead had no owner',
      }),
    ]);

    const deals = (await suite.as(cast.north.token).get(`/opportunities?leadId=${leadId}`)).body.items as Record<string, unknown>[];
    expect(deals).toEqual([expect.objectContaining({ name: 'Frost Freight: Cold storage for 12 trucks', value: 25000, ownerId: cast.north.id })]);
    const dealId = deals[0]!.id as string;
    expect((await suite.as(cast.north.token).get(`/organizations/${String(lead.organizationId)}`)).body).toMatchObject({ ownerId: cast.north.id });
    // Nora's deal, not the team's: her teammate does not learn it exists; their manager sees it.
    expect((await suite.as(cast.northToo.token).get(`/opportunities/${dealId}`)).status).toBe(404);
    expect((await suite.as(cast.northManager.token).get(`/opportunities/${dealId}`)).status).toBe(200);
  });
});
