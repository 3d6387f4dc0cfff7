// The standard opportunity package (process-definitions/opportunity) driven through the API: a
// seller's deal refused by the exit criteria until it has what each move needs, lost with its
// reason and comment, a deal left idle reminding its owner with a lower priority, stage tasks
// given to the deal's owner (to the deal teams while it has none), and the offer made as a PDF on
// the deal and e-mailed with it (through a real SMTP server) on the agreed date.
import { pdfPageText } from '../src/crm/documents/document-pdf.testing.js';
import { binaryBody } from './support/binary-body.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { SmtpReceiver } from './support/smtp-receiver.js';
import { deployStandardPackages, fireTimerNow, openTask, recordInstance, setPackageParameters } from './support/standard-packages.js';

const smtp = new SmtpReceiver({ user: 'stageflow', pass: 'smtp-secret' });
const env: Record<string, string> = { SMTP_FROM: 'Stageflow Sales <sales@stageflow.example>' };
beforeAll(async () => {
  await smtp.start();
  env.SMTP_URL = smtp.url();
});
afterAll(() => smtp.stop());

const suite = setupEngineSuite({ env });
const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('the standard opportunity package', () => {
  let seller = { id: '', token: '' };

  beforeAll(async () => {
    seller = await suite.createUser('so-sara', ['seller'], ['so-deals']);
    await deployStandardPackages(suite, ['account', 'opportunity']);
    await setPackageParameters(suite, 'opportunity', { dealTeams: ['so-deals'] });
  });

  async function newDeal(name: string, token = seller.token): Promise<{ dealId: string; instanceId: string }> {
    const created = await suite.as(token).post('/opportunities', { name, value: 12000, currency: 'EUR' });
    expect(created.status).toBe(201);
    const dealId = created.body.id as string;
    const instanceId = await recordInstance(suite, `/opportunities/${dealId}`);
    await eventually(
      async () => ((await suite.as(token).get(`/opportunities/${dealId}`)).body.stage === 'Identification' ? true : undefined),
      'Identification',
    );
    return { dealId, instanceId };
  }

  const stageOf = async (dealId: string) => (await suite.as(seller.token).get(`/opportunities/${dealId}`)).body as Record<string, unknown>;

  it('loses a deal only with a lost reason and a comment, and wants a next contact date to move on', async () => {
    const { dealId, instanceId } = await newDeal('Warehouse scanners');
    const moveTo = (stage: string, reason?: string) => suite.as(seller.token).post(`/opportunities/${dealId}/stage`, { stage, ...(reason ? { reason } : {}) });

    const unplanned = await moveTo('Qualification');
    expect(unplanned.status).toBe(409);
    expect(unplanned.body.details).toEqual([expect.objectContaining({ ruleId: 'next-contact-missing', field: 'nextContactAt', ruleSet: 'opportunity-exit' })]);
    expect((await suite.as(seller.token).patch(`/opportunities/${dealId}`, { nextContactAt: new Date(Date.now() + 3 * DAY).toISOString() })).status).toBe(200);
    expect((await moveTo('Qualification')).status).toBe(200);

    const noReason = await moveTo('Lost');
    expect(noReason.status).toBe(409);
    expect(noReason.body.message).toBe('the move from Qualification to Lost is refused: A lost reason is required; Say what we learned from the loss');
    expect((await stageOf(dealId)).stage).toBe('Qualification');

    const reasons = { lostReason: 'competitor', outcomeComment: 'The competitor bundled scanners with their warehouse system' };
    expect((await suite.as(seller.token).patch(`/opportunities/${dealId}`, reasons)).status).toBe(200);
    const lost = await moveTo('Lost', 'went with the competitor');
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ from: 'Qualification', to: 'Lost' });
    const deal = await eventually(async () => {
      const record = await stageOf(dealId);
      return record.outcome === 'lost' ? record : undefined;
    }, 'the outcome');
    expect(deal).toMatchObject({ stage: 'Lost', ...reasons });
    const history = (await suite.as(seller.token).get(`/opportunities/${dealId}/history`)).body.items as {
      field: string;
      new: unknown;
      reason: string | null;
    }[];
    expect(history.find((item) => item.field === 'stage' && item.new === 'Lost')).toMatchObject({ reason: 'went with the competitor' });
    expect((await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}`)).body.state).toBe('terminated');
  });

  it('makes the offer as a PDF attached to the deal, with its product lines, and e-mails it with the offer on the agreed date', async () => {
    const product = await suite.as(suite.adminToken()).post('/products', { name: 'Fleet tracker', code: 'SO-TRACK', unitPrice: 250, currency: 'EUR' });
    expect(product.status).toBe(201);
    const { dealId, instanceId } = await newDeal('Tracker fleet');
    expect((await suite.as(seller.token).post(`/opportunities/${dealId}/products`, { productId: product.body.id, quantity: 40 })).status).toBe(201);
    expect((await suite.as(seller.token).patch(`/opportunities/${dealId}`, { nextContactAt: new Date(Date.now() + 3 * DAY).toISOString() })).status).toBe(200);
    for (const stage of ['Qualification', 'Offer']) expect((await suite.as(seller.token).post(`/opportunities/${dealId}/stage`, { stage })).status).toBe(200);
    const prepare = await openTask(suite, instanceId, 'prepareOffer');
    const variables = { offerRecipient: 'buyer@fleet.example', offerSendOn: isoDate(7), offerSummary: '40 trackers with installation' };
    expect((await suite.as(seller.token).post(`/tasks/${prepare.id}/complete`, { variables })).status).toBe(200);

    // Made when the offer is prepared: on the deal, a PDF, in its history as the process's.
    const attachment = await eventually(async () => {
      const items = (await suite.as(seller.token).get(`/opportunities/${dealId}/attachments`)).body.items as Record<string, unknown>[];
      return items[0];
    }, 'the offer PDF on the deal');
    expect(attachment).toMatchObject({ fileName: 'Offer Tracker fleet.pdf', contentType: 'application/pdf', uploadedBy: { id: null, name: 'engine' } });
    const pdf = await suite
      .http()
      .get(`/api/v1/attachments/${String(attachment.id)}`)
      .set(...bearer(seller.token))
      .buffer(true)
      .parse(binaryBody as never);
    expect(pdf.status).toBe(200);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe(attachment.size);
    const text = pdfPageText(bytes);
    for (const drawn of ['Offer: Tracker fleet', '40 trackers with installation', 'Fleet tracker', 'SO-TRACK', '10000 EUR']) expect(text).toContain(drawn);
    const history = (await suite.as(seller.token).get(`/opportunities/${dealId}/history`)).body.items as Record<string, unknown>[];
    expect(history.find((item) => item.field === 'attachments')).toMatchObject({ source: 'process', sourceName: 'opportunity-pipeline' });

    // On the agreed date: the outbox row names the PDF, and the mail the SMTP server received carries it.
    await fireTimerNow(suite, instanceId, 'waitSendDate');
    const email = await eventually(async () => {
      const items = (await suite.as(suite.adminToken()).get(`/emails?processInstanceId=${instanceId}`)).body.items as Record<string, unknown>[];
      return items.find((item) => item.status === 'sent');
    }, 'the offer e-mail sent');
    expect(email).toMatchObject({ to: 'buyer@fleet.example', subject: 'Our offer: Tracker fleet', attachmentIds: [attachment.id] });
    const mail = smtp.mailsTo('buyer@fleet.example')[0]!;
    expect(mail.headers['content-type']).toMatch(/^multipart\/mixed/);
    expect(mail.body).toMatch(/Content-Type: application\/pdf; name="?Offer Tracker fleet\.pdf"?/);
    expect(mail.body).toContain('Content-Disposition: attachment');
    expect(mail.body.replace(/\r\n/g, '')).toContain(bytes.toString('base64'));
  });

  it('reminds the owner of a deal idle for stageIdleDays and lowers the priority of its stage task', async () => {
    const { dealId, instanceId } = await newDeal('Forklift fleet');
    const task = await openTask(suite, instanceId, 'identify');
    expect(task).toMatchObject({ priority: 60, assignee: 'so-sara', candidateGroups: ['so-deals'] });

    const dueAt = await fireTimerNow(suite, instanceId, 'identifyIdle');
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.now() + 13 * DAY);
    const reminder = await eventually(async () => {
      const items = (await suite.as(seller.token).get(`/activities?opportunityId=${dealId}`)).body.items as Record<string, unknown>[];
      return items[0];
    }, 'the reminder activity');
    expect(reminder).toMatchObject({ kind: 'task', subject: 'Identification: no progress for 14 days', ownerId: seller.id, done: false });
    const again = await eventually(async () => {
      const next = await openTask(suite, instanceId, 'identify');
      return next.id === task.id ? undefined : next;
    }, 'the stage task again');
    expect(again.priority).toBe(20);
    expect((await stageOf(dealId)).stage).toBe('Identification');
  });

  it("gives the stage tasks to the deal's owner, and to the deal teams while the deal has no owner", async () => {
    const owned = await newDeal('Pallet scales');
    expect(await openTask(suite, owned.instanceId, 'identify')).toMatchObject({ assignee: 'so-sara', candidateGroups: ['so-deals'] });
    const mine = (await suite.as(seller.token).get('/tasks?assignee=so-sara')).body.items as { processInstanceId: string }[];
    expect(mine.map((item) => item.processInstanceId)).toContain(owned.instanceId);

    const unowned = await newDeal('Dock doors', suite.adminToken());
    expect((await suite.as(suite.adminToken()).get(`/opportunities/${unowned.dealId}`)).body.ownerId).toBeNull();
    expect(await openTask(suite, unowned.instanceId, 'identify')).toMatchObject({ assignee: null, candidateGroups: ['so-deals'] });
  });
});
