// An engine without SMTP_URL keeps e-mails (status `held`, says why at start-up) and sends them
// once it runs with SMTP_URL.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { outboxClient } from './support/outbox-client.js';
import { eventually } from './support/polling.js';
import { SmtpReceiver } from './support/smtp-receiver.js';

const smtp = new SmtpReceiver({ user: 'stageflow', pass: 'smtp-secret' });
const env: Record<string, string> = {};
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

const suite = setupEngineSuite({ env });

async function statusOf(id: string, status: string): Promise<{ status: string; lastError: string | null; attempts: number }> {
  return eventually(async () => {
    const response = await suite
      .http()
      .get(`/api/v1/emails?status=${status}`)
      .set(...bearer(suite.adminToken()));
    return (response.body.items as { id: string; status: string; lastError: string | null; attempts: number }[]).find((item) => item.id === id);
  }, `e-mail ${id} to become ${status}`);
}

describe('e-mail without SMTP_URL', () => {
  it('given no SMTP_URL, when an e-mail is queued, then it is held with the reason, and a restart with SMTP_URL sends it', async () => {
    expect(suite.engine().output()).toMatch(/SMTP_URL is not set: e-mails are kept in the outbox with status 'held'/);
    const outbox = outboxClient(suite.databaseUrl(), env);
    const queued = await outbox.inTransaction((tx) =>
      outbox.email.enqueue(tx, { idempotencyKey: 'held:1', processInstanceId: null, to: 'ann@acme.example', subject: 'Hi', body: 'Held until SMTP is set' }),
    );
    await outbox.close();

    const held = await statusOf(queued.id, 'held');
    expect(held.lastError).toMatch(/SMTP_URL is not set/);
    expect(held.attempts).toBe(0);

    Object.assign(env, { SMTP_URL: smtp.url(), SMTP_FROM: 'sales@stageflow.example' });
    await suite.restartEngine();

    const sent = await statusOf(queued.id, 'sent');
    expect(sent.attempts).toBe(1);
    expect(smtp.mailsTo('ann@acme.example').map((mail) => mail.body)).toEqual(['Held until SMTP is set']);
  });
});
