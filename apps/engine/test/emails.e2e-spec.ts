// E-mail actions end to end: the outbox service queues in the caller's transaction (run here as
// an action would), the engine's job sends through a real SMTP server started by this test.
import { createHash } from 'node:crypto';
import { oneTaskDiagram } from './support/diagrams.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { outboxClient, type OutboxClient } from './support/outbox-client.js';
import { openIncidentsOnceJobFailed } from './support/job-incidents.js';
import { eventually } from './support/polling.js';
import { SmtpReceiver } from './support/smtp-receiver.js';

const smtp = new SmtpReceiver({ user: 'stageflow', pass: 'smtp-secret' });
const env: Record<string, string> = { SMTP_FROM: 'Stageflow Sales <sales@stageflow.example>', SMTP_MAX_ATTEMPTS: '2' };
beforeAll(async () => {
  await smtp.start();
  env.SMTP_URL = smtp.url();
});
afterAll(() => smtp.stop());

const suite = setupEngineSuite({ env });

interface EmailBody {
  id: string;
  idempotencyKey: string;
  processInstanceId: string | null;
  to: string;
  subject: string;
  messageId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  smtpResponse: string | null;
  sentAt: string | null;
  attachmentIds: string[];
}

describe('e-mail outbox', () => {
  let outbox: OutboxClient;
  let instanceId = '';

  beforeAll(async () => {
    outbox = outboxClient(suite.databaseUrl(), env);
    await suite.deploy([{ name: 'lead.bpmn', content: oneTaskDiagram('lead') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    instanceId = started.body.id as string;
  });
  afterAll(() => outbox.close());

  async function email(id: string): Promise<EmailBody> {
    const response = await suite
      .http()
      .get(`/api/v1/emails?processInstanceId=${instanceId}&limit=500`)
      .set(...bearer(suite.adminToken()));
    expect(response.status).toBe(200);
    const found = (response.body.items as EmailBody[]).find((item) => item.id === id);
    if (!found) throw new Error(`e-mail ${id} is not listed`);
    return found;
  }

  async function statusOf(id: string, status: string): Promise<EmailBody> {
    return eventually(async () => {
      const view = await email(id);
      return view.status === status ? view : undefined;
    }, `e-mail ${id} to become ${status}`);
  }

  it('given an e-mail queued twice with one key, when the transactions commit, then it arrives once with its headers and body and is listed as sent', async () => {
    const request = {
      idempotencyKey: 'welcome:lead-1',
      processInstanceId: instanceId,
      to: 'Ann Buyer <ann@acme.example>',
      subject: 'Welcome, Ann\n',
      body: 'Hello Ann,\nthanks for your interest in Stageflow.\n',
    };

    const first = await outbox.inTransaction((tx) => outbox.email.enqueue(tx, request));
    const again = await outbox.inTransaction((tx) => outbox.email.enqueue(tx, { ...request, subject: 'A different subject' }));

    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const sent = await statusOf(first.id, 'sent');
    expect(sent).toEqual(expect.objectContaining({ to: 'Ann Buyer <ann@acme.example>', subject: 'Welcome, Ann', attempts: 1, lastError: null }));
    expect(sent.smtpResponse).toMatch(/^250/);
    const expectedId = `<${createHash('sha256').update('welcome:lead-1').digest('hex').slice(0, 40)}@stageflow.example>`;
    expect(sent.messageId).toBe(expectedId);
    const mails = smtp.mailsTo('ann@acme.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.from).toBe('sales@stageflow.example');
    expect(mails[0]?.headers).toEqual(
      expect.objectContaining({
        from: 'Stageflow Sales <sales@stageflow.example>',
        to: 'Ann Buyer <ann@acme.example>',
        subject: 'Welcome, Ann',
        'message-id': expectedId,
      }),
    );
    expect(mails[0]?.body).toBe('Hello Ann,\r\nthanks for your interest in Stageflow.');
  });

  it('given a sent e-mail whose job runs again (a retry after the send), when it has run, then no second mail goes out', async () => {
    const queued = await outbox.inTransaction((tx) =>
      outbox.email.enqueue(tx, {
        idempotencyKey: 'welcome:lead-2',
        processInstanceId: instanceId,
        to: 'bob@acme.example',
        subject: 'Hi Bob',
        body: 'Hello Bob',
      }),
    );
    await statusOf(queued.id, 'sent');

    await suite.query(
      `SELECT graphile_worker.add_job('stageflow.send-email', json_build_object('emailId', $1::text, 'processInstanceId', $2::text), job_key => 'rerun-bob')`,
      [queued.id, instanceId],
    );
    await eventually(async () => {
      const left = await suite.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = 'rerun-bob'`);
      return left[0]?.n === 0 ? true : undefined;
    }, 'the repeated job to finish');

    expect(smtp.mailsTo('bob@acme.example')).toHaveLength(1);
    expect((await email(queued.id)).attempts).toBe(1);
  });

  it('given an action running in a TypeORM transaction, when it enqueues on its EntityManager and commits, then the mail is sent', async () => {
    const queued = await outbox.inTypeOrmTransaction((manager) =>
      outbox.email.enqueue(manager, {
        idempotencyKey: 'welcome:typeorm',
        processInstanceId: instanceId,
        to: 'fay@acme.example',
        subject: 'Hi Fay',
        body: 'Hello Fay',
      }),
    );

    expect(queued.created).toBe(true);
    await statusOf(queued.id, 'sent');
    expect(smtp.mailsTo('fay@acme.example').map((mail) => mail.body)).toEqual(['Hello Fay']);
  });

  it('given an e-mail another node held (it had no SMTP_URL), when this node with SMTP runs on, then it is sent without a restart', async () => {
    const [held] = await suite.query<{ id: string }>(
      `INSERT INTO email_outbox (id, idempotency_key, process_instance_id, to_address, subject, body, message_id, status, last_error)
       VALUES (gen_random_uuid(), 'welcome:held-elsewhere', $1::uuid, 'gus@acme.example', 'Hi Gus', 'Held by another node', '<held@stageflow.example>', 'held', 'SMTP_URL is not set on the node that tried')
       RETURNING id::text AS id`,
      [instanceId],
    );

    const sent = await statusOf(held?.id ?? '', 'sent');

    expect(sent.attempts).toBe(1);
    expect(smtp.mailsTo('gus@acme.example').map((mail) => mail.headers['message-id'])).toEqual(['<held@stageflow.example>']);
  });

  it('given a transaction that rolls back, when it ends, then neither the e-mail nor its job exists', async () => {
    const rolledBack = await outbox.inTransaction(
      (tx) =>
        outbox.email.enqueue(tx, { idempotencyKey: 'welcome:rolled-back', processInstanceId: instanceId, to: 'carl@acme.example', subject: 'Hi', body: 'x' }),
      { rollback: true },
    );

    expect(rolledBack.created).toBe(true);
    expect(await suite.query(`SELECT id FROM email_outbox WHERE idempotency_key = 'welcome:rolled-back'`)).toEqual([]);
    expect(await suite.query(`SELECT id FROM graphile_worker.jobs WHERE key = $1`, [`email:${rolledBack.id}`])).toEqual([]);
  });

  it('given an SMTP server that answers 451 every time, when the attempts run out, then the e-mail is failed with the error and a job incident is open, whose retry sends it once the server accepts', async () => {
    const queued = await outbox.inTransaction((tx) =>
      outbox.email.enqueue(tx, { idempotencyKey: 'welcome:busy', processInstanceId: instanceId, to: 'dora@busy.example', subject: 'Hi Dora', body: 'x' }),
    );

    const failed = await statusOf(queued.id, 'failed');

    expect(failed.attempts).toBe(2);
    expect(failed.lastError).toMatch(/451/);
    expect(smtp.recipientAttempts.get('dora@busy.example')).toBe(2);
    expect(smtp.mailsTo('dora@busy.example')).toHaveLength(0);
    const incidents = await openIncidentsOnceJobFailed(suite, instanceId, `email:${queued.id}`);
    expect(incidents).toEqual([
      expect.objectContaining({ kind: 'job', job: expect.objectContaining({ task: 'stageflow.send-email', key: `email:${queued.id}` }) }),
    ]);
    expect(incidents[0]?.message).toMatch(/451/);

    // The cause goes away; retrying the incident sends the mail with fresh attempts.
    smtp.busyDomains.clear();
    const retried = await suite
      .http()
      .post(`/api/v1/incidents/${incidents[0]?.id ?? 'none'}/retry`)
      .set(...bearer(suite.adminToken()));
    expect(retried.status).toBe(200);
    const sent = await statusOf(queued.id, 'sent');
    expect(sent).toEqual(expect.objectContaining({ attempts: 3, lastError: null }));
    expect(smtp.mailsTo('dora@busy.example')).toHaveLength(1);
  });

  it('given a recipient the SMTP server refuses for good (550), when tried, then the e-mail is failed after one attempt', async () => {
    const queued = await outbox.inTransaction((tx) =>
      outbox.email.enqueue(tx, { idempotencyKey: 'welcome:nosuch', processInstanceId: instanceId, to: 'erin@nosuch.example', subject: 'Hi Erin', body: 'x' }),
    );

    const failed = await statusOf(queued.id, 'failed');

    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/550/);
    expect(smtp.recipientAttempts.get('erin@nosuch.example')).toBe(1);
  });

  it('given filters and roles, when the outbox is listed, then it filters by status and instance, refuses bad filters with 400 and sellers with 403', async () => {
    const token = suite.adminToken();
    const sent = await suite
      .http()
      .get('/api/v1/emails?status=sent')
      .set(...bearer(token));
    expect(sent.status).toBe(200);
    expect((sent.body.items as EmailBody[]).map((item) => item.idempotencyKey).sort()).toEqual([
      'welcome:busy',
      'welcome:held-elsewhere',
      'welcome:lead-1',
      'welcome:lead-2',
      'welcome:typeorm',
    ]);
    expect(sent.body.total).toBe(5);
    const failed = await suite
      .http()
      .get(`/api/v1/emails?status=failed&processInstanceId=${instanceId}`)
      .set(...bearer(token));
    expect((failed.body.items as EmailBody[]).map((item) => item.idempotencyKey)).toEqual(['welcome:nosuch']);
    const other = await suite
      .http()
      .get('/api/v1/emails?processInstanceId=00000000-0000-4000-8000-000000000000')
      .set(...bearer(token));
    expect(other.body).toEqual({ items: [], total: 0, offset: 0, limit: 50 });

    const badStatus = await suite
      .http()
      .get('/api/v1/emails?status=lost')
      .set(...bearer(token));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.details).toEqual([expect.objectContaining({ path: 'status' })]);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/emails?processInstanceId=x')
          .set(...bearer(token))
      ).status,
    ).toBe(400);
    const seller = await suite.createUser('sally', ['seller'], ['sales']);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/emails')
          .set(...bearer(seller.token))
      ).status,
    ).toBe(403);
    const integrator = await suite.createUser('ivan', ['integrator']);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/emails')
          .set(...bearer(integrator.token))
      ).status,
    ).toBe(200);
  });

  it('given an e-mail naming an attachment that no longer exists, when tried, then it is failed for good without reaching the SMTP server', async () => {
    const gone = '3d9c2f4e-0a1b-4c5d-8e6f-7a8b9c0d1e2f';
    const queued = await outbox.inTransaction((tx) =>
      outbox.email.enqueue(tx, {
        idempotencyKey: 'offer:gone',
        processInstanceId: instanceId,
        to: 'gil.gone@acme.example',
        subject: 'Your offer',
        body: 'attached',
        attachmentIds: [gone],
      }),
    );

    const failed = await statusOf(queued.id, 'failed');

    expect(failed).toMatchObject({ attempts: 1, attachmentIds: [gone] });
    expect(failed.lastError).toBe(`the attachment(s) ${gone} no longer exist`);
    expect(smtp.recipientAttempts.get('gil.gone@acme.example')).toBeUndefined();
  });
});
