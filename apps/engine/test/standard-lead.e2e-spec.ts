// The standard lead package (process-definitions/lead) driven through the API as a company runs it:
// the three standard packages deployed with POST /packages, a territory rule set and a territory of
// its own, a web form (an integrator's token) posting leads, a seller and her manager working them.
// Timers are made due instead of waited for (fireTimerNow); opens and clicks of newsletters are
// messages, as an e-mail tracking integration sends them.
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { deployStandardPackages, emailsOf, fireTimerNow, openTask, recordInstance, setPackageParameters } from './support/standard-packages.js';

const suite = setupEngineSuite();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const REGIONS = {
  key: 'sl-regions',
  name: 'Sales regions',
  kind: 'territory',
  hitPolicy: 'first',
  facts: { recordType: 'string' },
  rules: [{ id: 'leads-north', conditions: { all: [{ fact: 'recordType', operator: 'equal', value: 'lead' }] }, result: { territory: 'sl-north' } }],
  fallback: { territory: 'sl-north' },
};

async function completeTask(token: string, taskId: string, variables: Record<string, unknown>): Promise<void> {
  const completed = await suite.as(token).post(`/tasks/${taskId}/complete`, { variables });
  expect(completed.status).toBe(200);
}

/** The record once `probe` holds for it. */
function recordWhen(path: string, what: string, probe: (record: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const record = (await suite.as(suite.adminToken()).get(path)).body as Record<string, unknown>;
    return probe(record) ? record : undefined;
  }, what);
}

describe('the standard lead package', () => {
  let seller = { id: '', token: '' };
  let manager = { id: '', token: '' };
  let webForm = { id: '', token: '' };

  beforeAll(async () => {
    seller = await suite.createUser('sl-nora', ['seller'], ['sl-north']);
    manager = await suite.createUser('sl-maria', ['manager'], ['sl-north']);
    webForm = await suite.createUser('sl-web-form', ['integrator']);
    const admin = suite.as(suite.adminToken());
    expect((await admin.post('/territories', { key: 'sl-north', name: 'North', team: 'sl-north', defaultOwner: 'sl-nora' })).status).toBe(201);
    await suite.deploy([{ name: 'regions.rule-set.json', content: JSON.stringify(REGIONS) }]);
    await deployStandardPackages(suite, ['account', 'opportunity', 'lead']);
    await setPackageParameters(suite, 'lead', { notifyUsers: ['sl-maria'] });
    await setPackageParameters(suite, 'opportunity', { dealTeams: ['sl-north'] });
  });

  /** A lead posted by the web form, its process past the duplicate check (done by the seller the territory gave it). */
  async function webFormLead(fields: Record<string, unknown>): Promise<{ leadId: string; instanceId: string }> {
    const created = await suite.as(webForm.token).post('/leads', { channel: 'web-form', ...fields });
    expect(created.status).toBe(201);
    const leadId = created.body.id as string;
    const instanceId = await recordInstance(suite, `/leads/${leadId}`);
    const check = await openTask(suite, instanceId, 'checkDuplicates');
    expect(check.assignee).toBe('sl-nora');
    await completeTask(seller.token, check.id, { duplicate: false });
    return { leadId, instanceId };
  }

  it('takes a web-form lead with a BANT fit to a won deal: assigned, the team told, contacted within the SLA (escalated when late), converted, and the deal moved to Won', async () => {
    const before = Date.now();
    const { leadId, instanceId } = await webFormLead({
      title: 'Fleet tracking for 40 vans',
      contactName: 'Jane Doe',
      emails: ['jane.doe@acme.example'],
      budget: 50000,
      authority: 'decision-maker',
      need: 'high',
      timeline: isoDate(60),
    });

    // Expected buyer: classified, the first contact due within the SLA, the manager notified, the buyer thanked.
    const firstContact = await openTask(suite, instanceId, 'firstContact');
    expect(firstContact.assignee).toBe('sl-nora');
    expect(Date.parse(firstContact.dueAt!)).toBeGreaterThanOrEqual(before + 4 * HOUR - 1000);
    expect(Date.parse(firstContact.dueAt!)).toBeLessThan(Date.now() + 4 * HOUR + 1000);
    expect(await recordWhen(`/leads/${leadId}`, 'the lead classified', (lead) => lead.status === 'working')).toMatchObject({
      classification: 'expected-buyer',
      ownerId: seller.id,
    });
    const notified = await eventually(async () => {
      const items = (await suite.as(manager.token).get('/notifications')).body.items as { message: string }[];
      return items.length > 0 ? items : undefined;
    }, "the manager's notification");
    expect(notified.map((item) => item.message)).toEqual(['New expected buyer: Fleet tracking for 40 vans. First contact within 4 h.']);
    const thanks = await eventually(
      async () => ((await emailsOf(suite, instanceId)).length > 0 ? emailsOf(suite, instanceId) : undefined),
      'the confirmation e-mail',
    );
    expect(thanks).toEqual([expect.objectContaining({ to: 'jane.doe@acme.example', subject: 'Thank you for your request: Fleet tracking for 40 vans' })]);
    expect(thanks[0]!.body).toContain('within 4 hours');

    // Nobody called within the SLA: a task in the managers' unsorted queue.
    await fireTimerNow(suite, instanceId, 'firstContactLate');
    const escalation = await eventually(async () => {
      const queue = (await suite.as(manager.token).get('/tasks?queue=unsorted')).body.items as { name: string; processInstanceId: string }[];
      return queue.find((task) => task.processInstanceId === instanceId);
    }, 'the escalation in the unsorted queue');
    expect(escalation.name).toBe('Late first contact: Fleet tracking for 40 vans');

    // The call went well: converted into organization, contact and opportunity.
    await completeTask(seller.token, firstContact.id, {
      outcome: 'convert',
      companyName: 'Acme Logistics',
      contactFirstName: 'Jane',
      contactLastName: 'Doe',
      dealValue: 30000,
    });
    const lead = await recordWhen(`/leads/${leadId}`, 'the lead converted', (record) => record.status === 'converted');
    const organization = (await suite.as(seller.token).get(`/organizations/${String(lead.organizationId)}`)).body;
    expect(organization).toMatchObject({ name: 'Acme Logistics', ownerId: seller.id });
    const contact = (await suite.as(seller.token).get(`/contacts/${String(lead.contactId)}`)).body;
    expect(contact).toMatchObject({ firstName: 'Jane', lastName: 'Doe', emails: ['jane.doe@acme.example'] });
    const deals = (await suite.as(seller.token).get(`/opportunities?leadId=${leadId}`)).body.items as Record<string, unknown>[];
    expect(deals).toEqual([
      expect.objectContaining({
        name: 'Acme Logistics: Fleet tracking for 40 vans',
        value: 30000,
        currency: 'EUR',
        organizationId: lead.organizationId,
        ownerId: seller.id,
      }),
    ]);
    const dealId = deals[0]!.id as string;

    // The deal's own process: the seller drags it across the board.
    const dealInstance = await recordInstance(suite, `/opportunities/${dealId}`);
    await recordWhen(`/opportunities/${dealId}`, 'the deal at Identification', (deal) => deal.stage === 'Identification');
    const moveTo = (stage: string) => suite.as(seller.token).post(`/opportunities/${dealId}/stage`, { stage });
    expect((await suite.as(seller.token).patch(`/opportunities/${dealId}`, { nextContactAt: new Date(Date.now() + 2 * DAY).toISOString() })).status).toBe(200);
    expect((await moveTo('Qualification')).status).toBe(200);
    expect((await moveTo('Offer')).status).toBe(200);
    const prepareOffer = await openTask(suite, dealInstance, 'prepareOffer');
    expect(prepareOffer.candidateGroups).toEqual(['sl-north']);
    expect((await moveTo('Negotiation')).body.details).toEqual([expect.objectContaining({ ruleId: 'offer-not-prepared', task: 'prepareOffer' })]);
    await completeTask(seller.token, prepareOffer.id, {
      offerRecipient: 'jane.doe@acme.example',
      offerSendOn: isoDate(0),
      offerSummary: '40 trackers, installation and three years of service',
    });
    const offer = await eventually(async () => (await emailsOf(suite, dealInstance)).find((mail) => mail.subject.startsWith('Our offer')), 'the offer e-mail');
    expect(offer).toMatchObject({ to: 'jane.doe@acme.example', subject: 'Our offer: Acme Logistics: Fleet tracking for 40 vans' });
    expect(offer.body).toContain('40 trackers, installation and three years of service');
    expect(offer.body).toContain('Total: 30000 EUR');
    expect((await moveTo('Negotiation')).status).toBe(200);

    const refused = await moveTo('Won');
    expect(refused.status).toBe(409);
    expect(refused.body.details.map((detail: { reason: string }) => detail.reason)).toEqual(['A win reason is required', 'Say why we won']);
    expect(
      (await suite.as(seller.token).patch(`/opportunities/${dealId}`, { outcomeComment: 'Fast delivery and a fair price', custom: { winReason: 'speed' } }))
        .status,
    ).toBe(200);
    expect((await moveTo('Won')).status).toBe(200);
    expect(await recordWhen(`/opportunities/${dealId}`, 'the deal won', (deal) => deal.outcome === 'won')).toMatchObject({ stage: 'Won' });
    // Won starts account management: the organization becomes a customer.
    await recordWhen(`/organizations/${String(lead.organizationId)}`, 'the organization a customer', (record) => record.relationType === 'customer');
    // ... in an instance about the organization (startProcess's businessKey), which the organization's page lists.
    const accounts = (
      await suite.as(suite.adminToken()).get(`/process-instances?definitionKey=account-management&businessKey=organization:${String(lead.organizationId)}`)
    ).body.items as { id: string }[];
    expect(accounts).toHaveLength(1);
    const organizationProcess = (await suite.as(seller.token).get(`/organizations/${String(lead.organizationId)}/process`)).body.instances as { id: string }[];
    expect(organizationProcess.map((instance) => instance.id)).toContain(accounts[0]!.id);
  });

  it('nurtures a lead without BANT fit: 11 unopened newsletters, the 12th is the last chance, and when that stays unopened the lead is parked as no prospect', async () => {
    const { leadId, instanceId } = await webFormLead({
      title: 'Newsletter sign-up',
      contactName: 'Sam Cole',
      emails: ['sam.cole@example.org'],
      authority: 'user',
      need: 'low',
    });
    expect(await recordWhen(`/leads/${leadId}`, 'the lead nurtured', (lead) => lead.status === 'nurturing')).toMatchObject({ classification: 'nurturable' });

    for (let sent = 1; sent <= 11; sent++) {
      const mails = await eventually(async () => {
        const all = await emailsOf(suite, instanceId);
        return all.length === sent ? all : undefined;
      }, `newsletter no. ${sent}`);
      expect(mails[sent - 1]).toMatchObject({ to: 'sam.cole@example.org', subject: `News for Sam Cole (no. ${sent})` });
      const dueAt = await fireTimerNow(suite, instanceId, 'waitCadence');
      if (sent === 1) expect(Date.parse(dueAt)).toBeGreaterThan(Date.now() + 13 * DAY);
    }
    const lastChance = await eventually(async () => (await emailsOf(suite, instanceId))[11], 'the last-chance e-mail');
    expect(lastChance.subject).toBe('Sam Cole, shall we stop writing?');
    expect(lastChance.body).toContain('we have written to you 11 times');

    await fireTimerNow(suite, instanceId, 'waitLastChance');
    expect(await recordWhen(`/leads/${leadId}`, 'the lead parked', (lead) => lead.status === 'parked')).toMatchObject({ classification: 'no-prospect' });
    // The record is parked in the action's run; the instance ends with the action's completion, a command after it.
    await eventually(
      async () => ((await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}`)).body.state === 'completed' ? true : undefined),
      'the instance completed',
    );
    expect(await emailsOf(suite, instanceId)).toHaveLength(12);
  });

  it('promotes a nurtured lead whose opens and clicks reach the promotion score: a note on the lead, the seller who owns it notified, and the seller gets the first contact', async () => {
    const { leadId, instanceId } = await webFormLead({
      title: 'Pricing page visitor',
      contactName: 'Lee Park',
      emails: ['lee.park@example.org'],
      need: 'medium',
    });
    await eventually(async () => ((await emailsOf(suite, instanceId)).length === 1 ? true : undefined), 'the first newsletter');
    const engaged = (name: string) => suite.as(webForm.token).post('/messages', { name, correlationKey: leadId });
    expect((await engaged('lead-newsletter-opened')).status).toBe(200);
    expect((await engaged('lead-newsletter-clicked')).status).toBe(200);
    expect((await recordWhen(`/leads/${leadId}`, 'still nurtured', () => true)).classification).toBe('nurturable');
    expect((await engaged('lead-newsletter-clicked')).status).toBe(200);

    const firstContact = await openTask(suite, instanceId, 'firstContact');
    expect(firstContact.assignee).toBe('sl-nora');
    expect(await recordWhen(`/leads/${leadId}`, 'the lead promoted', (lead) => lead.classification === 'expected-buyer')).toMatchObject({ status: 'working' });
    const notes = (await suite.as(seller.token).get(`/activities?leadId=${leadId}`)).body.items as { kind: string; subject: string }[];
    expect(notes).toEqual([expect.objectContaining({ kind: 'note', subject: 'Promoted from nurturing: engagement score 60' })]);
    // The lead's owner (the territory's seller) is told, beside notifyUsers.
    const told = await eventually(async () => {
      const items = (await suite.as(seller.token).get('/notifications')).body.items as { message: string }[];
      const about = items.filter((item) => item.message.includes('Pricing page visitor'));
      return about.length > 0 ? about : undefined;
    }, "the seller's notification");
    expect(told.map((item) => item.message)).toEqual(['New expected buyer: Pricing page visitor. First contact within 4 h.']);
  });

  it('follows a live parameter at once: a lead already in nurturing gets the last chance after maxUnopened lowered to 2', async () => {
    const { instanceId } = await webFormLead({ title: 'Brochure download', contactName: 'Kim Vale', emails: ['kim.vale@example.org'], need: 'low' });
    await eventually(async () => ((await emailsOf(suite, instanceId)).length === 1 ? true : undefined), 'the first newsletter');
    await setPackageParameters(suite, 'lead', { maxUnopened: 2 });
    try {
      await fireTimerNow(suite, instanceId, 'waitCadence');
      await eventually(async () => ((await emailsOf(suite, instanceId)).length === 2 ? true : undefined), 'the second newsletter');
      await fireTimerNow(suite, instanceId, 'waitCadence');
      const mails = await eventually(async () => {
        const all = await emailsOf(suite, instanceId);
        return all.length === 3 ? all : undefined;
      }, 'the last-chance e-mail');
      expect(mails.map((mail) => mail.subject)).toEqual(['News for Kim Vale (no. 1)', 'News for Kim Vale (no. 2)', 'Kim Vale, shall we stop writing?']);
    } finally {
      await setPackageParameters(suite, 'lead', { maxUnopened: 11 });
    }
  });
});
