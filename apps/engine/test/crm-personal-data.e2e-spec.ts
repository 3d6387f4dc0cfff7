// A person's data through the API: the export of everything held about a contact (as the caller
// sees it), the erasure everywhere it was copied (admins only) — checked by searching the text of
// every table afterwards — with the statistics kept, and the suppression that refuses the person's
// e-mail or phone on a later create until an admin lifts it.
import { randomUUID } from 'node:crypto';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { actionTemplate, serviceTaskDiagram } from './support/actions.js';
import { oneTaskDiagram } from './support/diagrams.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_PHONE_REGION: 'DE' } });

const EMAIL = 'jane.roe@example.com';
const PHONE = '+49 30 1234567';

describe('CRM personal data', () => {
  let owner = { id: '', token: '' };
  let other = { id: '', token: '' };
  let contactId = '';
  let leadId = '';
  let opportunityId = '';
  let instanceId = '';
  let contactFileId = '';
  let offerFileId = '';
  let organizationId = '';

  const as = (token: string) => suite.as(token);

  /** Every base table whose row text matches `pattern` (a PostgreSQL regular expression), with the count. */
  async function tablesHolding(pattern: string, flags: '~' | '~*'): Promise<string[]> {
    const tables = await suite.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const rows = await suite.query<{ count: string }>(`SELECT count(*) FROM ${name} t WHERE t::text ${flags} $1`, [pattern]);
      if (Number(rows[0]?.count) > 0) found.push(`${name} (${rows[0]?.count})`);
    }
    return found;
  }

  beforeAll(async () => {
    owner = await suite.createUser('pd-owner', ['seller'], ['pd']);
    other = await suite.createUser('pd-other', ['seller'], ['pd-other']);
    await suite.createUser('pd-boss', ['manager'], ['pd']);
    const api = as(owner.token);
    const contact = await api.post('/contacts', { firstName: 'Jane', lastName: 'Roe', emails: [EMAIL], phones: [PHONE], custom: { hobby: 'Jane Roe sails' } });
    expect(contact.status).toBe(201);
    contactId = contact.body.id;
    expect((await api.patch(`/contacts/${contactId}`, { firstName: 'Janet' })).status).toBe(200);
    expect((await api.patch(`/contacts/${contactId}`, { firstName: 'Jane' })).status).toBe(200);
    const lead = await api.post('/leads', {
      title: 'Request from Jane Roe',
      channel: 'web-form',
      contactName: 'Jane Roe',
      contactId,
      emails: [EMAIL],
      phones: ['030 1234567'],
      budget: 5000,
    });
    expect(lead.status).toBe(201);
    leadId = lead.body.id;
    const opportunity = await api.post('/opportunities', { name: 'Roe fleet deal', value: 12000, currency: 'EUR', contactId });
    expect(opportunity.status).toBe(201);
    opportunityId = opportunity.body.id;
    expect((await api.post('/activities', { kind: 'call', subject: 'Call with Jane', body: `Reached her at ${PHONE}`, contactId, done: true })).status).toBe(
      201,
    );
    expect((await api.post('/activities', { kind: 'note', subject: 'Budget agreed', body: 'Jane Roe confirmed the budget', leadId })).status).toBe(201);

    const upload = (path: string, content: string, name: string) =>
      suite
        .http()
        .post(`/api/v1${path}/attachments`)
        .set(...bearer(owner.token))
        .attach('file', Buffer.from(content), name);
    const scan = await upload(`/contacts/${contactId}`, `Passport of Jane Roe, ${PHONE}`, 'Jane Roe passport.txt');
    expect(scan.status).toBe(201);
    contactFileId = scan.body.id;
    const offer = await upload(`/opportunities/${opportunityId}`, 'Fleet offer: 12 vans', 'Offer for Roe.txt');
    expect(offer.status).toBe(201);
    offerFileId = offer.body.id;
    expect((await api.post(`/contacts/${contactId}/comments`, { body: 'Prefers calls after five; her daughter starts school in May' })).status).toBe(201);
    expect((await api.post(`/leads/${leadId}/comments`, { body: `Jane Roe asked for a callback at ${PHONE}` })).status).toBe(201);
    const organization = await api.post('/organizations', { name: 'Harbour Freight' });
    expect(organization.status).toBe(201);
    organizationId = organization.body.id;
    const mention = await api.post(`/organizations/${organizationId}/comments`, { body: '@pd-boss Jane Roe recommended them to us' });
    expect(mention.body.notified).toEqual(['pd-boss']);
    expect((await api.post(`/organizations/${organizationId}/comments`, { body: 'Fleet of 40 trucks' })).status).toBe(201);

    await suite.deploy([{ name: 'pd.bpmn', content: oneTaskDiagram('pd_follow_up') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/pd_follow_up/start')
      .set(...bearer(suite.adminToken()))
      .send({ businessKey: leadId, variables: { customer: 'Jane Roe', email: EMAIL, phone: PHONE, score: 7 } });
    expect(started.status).toBe(201);
    instanceId = started.body.id;
    await suite.query(
      `INSERT INTO email_outbox (id, idempotency_key, process_instance_id, to_address, subject, body, message_id, status)
       VALUES ($1, $2, $3, $4, 'Your offer, Jane Roe', 'Dear Jane Roe, here is the offer.', $5, 'sent')`,
      [randomUUID(), `pd-${randomUUID()}`, instanceId, EMAIL, `<${randomUUID()}@stageflow.test>`],
    );
  });

  it('given a seller who does not see the contact, when they export it, then 404', async () => {
    expect((await as(other.token).get(`/contacts/${contactId}/export`)).status).toBe(404);
  });

  it('given the owner, when they export the contact, then everything held about the person comes back', async () => {
    const response = await as(owner.token).get(`/contacts/${contactId}/export`);
    expect(response.status).toBe(200);
    expect(response.body.contact).toMatchObject({ id: contactId, firstName: 'Jane', lastName: 'Roe', emails: [EMAIL] });
    expect(response.body.history.map((change: { field: string }) => change.field)).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'emails', 'phones', 'custom']),
    );
    expect(response.body.activities.map((activity: { subject: string }) => activity.subject).sort()).toEqual(['Budget agreed', 'Call with Jane']);
    expect(response.body.leads.map((lead: { id: string }) => lead.id)).toEqual([leadId]);
    expect(response.body.opportunities.map((opportunity: { id: string }) => opportunity.id)).toEqual([opportunityId]);
    expect(response.body.emails).toEqual([expect.objectContaining({ to: EMAIL, subject: 'Your offer, Jane Roe' })]);
    expect(response.body.attachments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: contactFileId,
          fileName: 'Jane Roe passport.txt',
          recordType: 'contact',
          recordId: contactId,
          contentType: 'text/plain; charset=utf-8',
        }),
        expect.objectContaining({ id: offerFileId, fileName: 'Offer for Roe.txt', recordType: 'opportunity', recordId: opportunityId, size: 20 }),
      ]),
    );
    expect(response.body.attachments).toHaveLength(2);
    // On their records, and where a comment on another record names them; not the organization's other comment.
    expect(response.body.comments.map((comment: { recordType: string; body: string }) => `${comment.recordType}: ${comment.body}`)).toEqual([
      'contact: Prefers calls after five; her daughter starts school in May',
      `lead: Jane Roe asked for a callback at ${PHONE}`,
      'organization: @pd-boss Jane Roe recommended them to us',
    ]);
    expect(response.body.processInstances).toEqual([
      expect.objectContaining({ id: instanceId, businessKey: leadId, variables: expect.objectContaining({ email: EMAIL }) }),
    ]);
  });

  it('given a seller or a manager, when they erase, then 403 and nothing changes', async () => {
    expect((await as(owner.token).post(`/contacts/${contactId}/erase`)).status).toBe(403);
    expect((await as(owner.token).get(`/contacts/${contactId}`)).body.lastName).toBe('Roe');
  });

  describe('when an admin erases the contact', () => {
    let report: Record<string, unknown> = {};

    beforeAll(async () => {
      const response = await as(suite.adminToken()).post(`/contacts/${contactId}/erase`);
      expect(response.status).toBe(200);
      report = response.body;
    });

    it('then it reports what it changed and the suppressions it wrote', () => {
      expect(report.suppressions).toHaveLength(2);
      expect(report).toMatchObject({
        contactId,
        records: { leads: 1, opportunities: 1, activities: 2 },
        attachments: { deleted: 1, renamed: 1 },
        comments: 3,
        notifications: 1,
        emails: 1,
        processInstances: 1,
        suppressions: expect.arrayContaining([expect.objectContaining({ kind: 'email' }), expect.objectContaining({ kind: 'phone' })]),
      });
    });

    it('then no copy of the e-mail, phone or name survives in any table', async () => {
      expect(await tablesHolding('jane\\.roe@example\\.com', '~*')).toEqual([]);
      expect(await tablesHolding('1234567', '~')).toEqual([]);
      expect(await tablesHolding('\\mJane\\M', '~')).toEqual([]);
      expect(await tablesHolding('\\mRoe\\M', '~')).toEqual([]);
    });

    it('then the statistics stay: the records, their stages, values, dates and counts', async () => {
      const admin = as(suite.adminToken());
      expect((await admin.get(`/contacts/${contactId}`)).body).toMatchObject({ lastName: '[erased]', firstName: null, emails: null, phones: null, custom: {} });
      expect((await admin.get(`/leads/${leadId}`)).body).toMatchObject({
        title: 'Request from [erased]',
        channel: 'web-form',
        budget: 5000,
        contactName: null,
        emails: null,
        phones: null,
      });
      expect((await admin.get(`/opportunities/${opportunityId}`)).body).toMatchObject({ name: '[erased] fleet deal', value: 12000, currency: 'EUR' });
      const activities = await admin.get(`/activities?contactId=${contactId}`);
      expect(activities.body.items).toEqual([expect.objectContaining({ kind: 'call', subject: '[erased]', body: null, done: true })]);
      const instance = await suite.query<{ variables: Record<string, unknown>; status: string }>(
        'SELECT variables, status FROM process_instances WHERE id = $1',
        [instanceId],
      );
      expect(instance[0]).toEqual({ status: 'active', variables: { customer: '[erased]', email: '[erased]', phone: '[erased]', score: 7 } });
      expect(await suite.query('SELECT status FROM email_outbox WHERE process_instance_id = $1', [instanceId])).toEqual([{ status: 'sent' }]);
      expect((await admin.get(`/contacts/${contactId}/attachments`)).body.items).toEqual([]);
      expect((await admin.get(`/opportunities/${opportunityId}/attachments`)).body.items).toEqual([
        expect.objectContaining({ id: offerFileId, fileName: 'Offer for [erased].txt', size: 20 }),
      ]);
      expect((await admin.get(`/contacts/${contactId}/comments`)).body.items).toEqual([expect.objectContaining({ body: '[erased]' })]);
      expect((await admin.get(`/organizations/${organizationId}/comments`)).body.items.map((comment: { body: string }) => comment.body).sort()).toEqual([
        '@pd-boss [erased] recommended them to us',
        'Fleet of 40 trucks',
      ]);
      const history = await admin.get(`/contacts/${contactId}/history`);
      expect(history.body.items[0]).toMatchObject({ field: 'personalData', new: 'erased' });
    });

    it('then a new contact or lead with the e-mail or phone is refused with 409 naming the suppression, not the data', async () => {
      const api = as(owner.token);
      const contact = await api.post('/contacts', { lastName: 'Again', emails: ['JANE.ROE@Example.com'] });
      expect(contact.status).toBe(409);
      expect(contact.body.message).toContain('suppression');
      expect(JSON.stringify(contact.body)).not.toMatch(/jane|roe|1234567/i);
      const lead = await api.post('/leads', { title: 'Web form', channel: 'web-form', phones: ['030 1234567'] });
      expect(lead.status).toBe(409);
      expect(lead.body.details).toEqual([expect.objectContaining({ kind: 'phone', suppressionId: expect.any(String) })]);
    });

    it('then a change that gives a contact or lead the e-mail or phone is refused the same way, and changes nothing', async () => {
      const api = as(owner.token);
      const contact = await api.post('/contacts', { lastName: 'Other', emails: ['other@example.com'] });
      expect(contact.status).toBe(201);
      const refused = await api.patch(`/contacts/${contact.body.id}`, { lastName: 'Renamed', emails: ['other@example.com', 'JANE.ROE@Example.com'] });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('suppression');
      expect(refused.body.details).toEqual([expect.objectContaining({ kind: 'email', suppressionId: expect.any(String) })]);
      expect(JSON.stringify(refused.body)).not.toMatch(/jane|roe|1234567/i);
      expect((await api.get(`/contacts/${contact.body.id}`)).body).toMatchObject({ lastName: 'Other', emails: ['other@example.com'], version: 1 });
      const lead = await api.post('/leads', { title: 'Trade fair', channel: 'web-form' });
      const phone = await api.patch(`/leads/${lead.body.id}`, { phones: ['+49 (30) 123 4567'] });
      expect(phone.status).toBe(409);
      expect(phone.body.details).toEqual([expect.objectContaining({ kind: 'phone' })]);
      expect((await api.patch(`/leads/${lead.body.id}`, { phones: ['+49 30 7654321'] })).status).toBe(200);
    });

    it('then a process that sets the phone on a lead fails with SUPPRESSED_PERSON, and writes nothing', async () => {
      await suite.deploy([
        { name: 'pd-phone.action.json', content: actionTemplate('pd_phone', { type: 'setRecordFields', fields: { phones: '030 1234567' } }) },
        { name: 'pd-phone.bpmn', content: serviceTaskDiagram('pd_set_phone', 'pd_phone') },
      ]);
      const lead = (await as(owner.token).post('/leads', { title: 'Imported', channel: 'import' })).body;
      const started = await as(suite.adminToken()).post('/process-definitions/key/pd_set_phone/start', { businessKey: `lead:${lead.id}` });
      expect(started.status).toBe(201);
      const incident = await eventually(async () => {
        const detail = (await as(suite.adminToken()).get(`/process-instances/${started.body.id}`)).body;
        return detail.incidents?.length > 0 ? (detail.incidents[0] as { message: string }) : undefined;
      }, 'the incident of the suppressed phone');
      expect(incident.message).toContain('SUPPRESSED_PERSON');
      expect((await as(owner.token).get(`/leads/${lead.id}`)).body).toMatchObject({ phones: null, version: 1 });
    });

    it('then only an admin lifts a suppression, after which the e-mail may come back', async () => {
      const list = await as(suite.adminToken()).get('/suppressions');
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toMatch(/jane|roe/i);
      const email = (list.body.items as { id: string; kind: string }[]).find((item) => item.kind === 'email')!;
      expect((await as(owner.token).get('/suppressions')).status).toBe(403);
      expect(
        (
          await suite
            .http()
            .delete(`/api/v1/suppressions/${email.id}`)
            .set(...bearer(owner.token))
        ).status,
      ).toBe(403);
      const lifted = await suite
        .http()
        .delete(`/api/v1/suppressions/${email.id}`)
        .set(...bearer(suite.adminToken()));
      expect(lifted.status).toBe(200);
      expect(lifted.body.liftedAt).toEqual(expect.any(String));
      expect((await as(owner.token).post('/contacts', { lastName: 'Back', emails: [EMAIL] })).status).toBe(201);
    });
  });
});
