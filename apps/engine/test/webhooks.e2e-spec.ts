// Webhook actions end to end: queued in the caller's transaction (run here as an action would),
// delivered by the engine's job to a real HTTP receiver started by this test. The receiver
// listens on 127.0.0.2, which the allow-list names as an address (loopback is refused unless
// listed); `localhost` is an allowed NAME whose address (127.0.0.1) is not, so calls to it are
// refused when resolved at delivery.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { oneTaskDiagram } from './support/diagrams.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { outboxClient, type OutboxClient } from './support/outbox-client.js';
import { openIncidentsOnceJobFailed } from './support/job-incidents.js';
import { eventually } from './support/polling.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'crm-test-secret';
const receiver = new WebhookReceiver('127.0.0.2');
const env: Record<string, string> = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.2, localhost',
  WEBHOOK_SECRETS: JSON.stringify({ crm: SECRET }),
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_TIMEOUT_MS: '5000',
};
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

const suite = setupEngineSuite({ env });

interface DeliveryBody {
  id: string;
  idempotencyKey: string;
  url: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  deliveredAt: string | null;
}

describe('webhook deliveries', () => {
  let outbox: OutboxClient;
  let instanceId = '';

  beforeAll(async () => {
    outbox = outboxClient(suite.databaseUrl(), env);
    await suite.deploy([{ name: 'deal.bpmn', content: oneTaskDiagram('deal') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/deal/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    instanceId = started.body.id as string;
  });
  afterAll(() => outbox.close());

  const enqueue = (key: string, url: string, body = '{"deal":"ACME","amount":1200}', secretName: string | undefined = 'crm') =>
    outbox.inTransaction((tx) => outbox.webhook.enqueue(tx, { idempotencyKey: key, processInstanceId: instanceId, url, body, secretName }));

  async function deliveryIn(id: string, status: string): Promise<DeliveryBody> {
    return eventually(async () => {
      const response = await suite
        .http()
        .get(`/api/v1/webhooks/deliveries?processInstanceId=${instanceId}&limit=500`)
        .set(...bearer(suite.adminToken()));
      expect(response.status).toBe(200);
      const found = (response.body.items as DeliveryBody[]).find((item) => item.id === id);
      return found?.status === status ? found : undefined;
    }, `delivery ${id} to become ${status}`);
  }

  it('given a call queued twice with one key, when delivered, then the receiver gets it once, signed over "<timestamp>.<body>" with the secret', async () => {
    const first = await enqueue('deal-won:1', receiver.url('/ok'));
    const again = await enqueue('deal-won:1', receiver.url('/ok'), '{"other":true}');

    expect(again).toEqual({ id: first.id, created: false });
    const delivered = await deliveryIn(first.id, 'delivered');
    expect(delivered).toEqual(expect.objectContaining({ attempts: 1, lastStatusCode: 200, lastError: null }));
    const calls = receiver.callsTo('/ok');
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.body).toBe('{"deal":"ACME","amount":1200}');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers['stageflow-idempotency-key']).toBe('deal-won:1');
    const timestamp = String(call?.headers['stageflow-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', SECRET)
        .update(`${timestamp}.${call?.body ?? ''}`)
        .digest('hex')}`,
    );
    const signature = Buffer.from(String(call?.headers['stageflow-signature']));
    expect(signature.length === expected.length && timingSafeEqual(signature, expected)).toBe(true);
  });

  it('given a receiver that answers 500 and then 200, when delivered, then the second attempt delivers it with the same key', async () => {
    const queued = await enqueue('deal-won:2', receiver.url('/flaky'));

    const delivered = await deliveryIn(queued.id, 'delivered');

    expect(delivered.attempts).toBe(2);
    expect(delivered.lastStatusCode).toBe(200);
    expect(receiver.callsTo('/flaky').map((call) => call.headers['stageflow-idempotency-key'])).toEqual(['deal-won:2', 'deal-won:2']);
  });

  it('given a host not on the allow-list, when tried, then the delivery is failed with the reason, nothing is called and a job incident is open', async () => {
    const queued = await enqueue('deal-won:3', 'https://hooks.elsewhere.invalid/deal');

    const failed = await deliveryIn(queued.id, 'failed');

    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toBe('refused: host hooks.elsewhere.invalid is not on WEBHOOK_ALLOWED_HOSTS (127.0.0.2, localhost)');
    const incidents = await openIncidentsOnceJobFailed(suite, instanceId, `webhook:${queued.id}`);
    expect(incidents).toEqual([
      expect.objectContaining({ kind: 'job', job: expect.objectContaining({ task: 'stageflow.deliver-webhook', key: `webhook:${queued.id}` }) }),
    ]);
  });

  it('given an allowed name that resolves to a loopback address not on the list, when tried, then it is refused naming the address', async () => {
    const queued = await enqueue('deal-won:4', `http://localhost:${receiver.port}/ok-local`);

    const failed = await deliveryIn(queued.id, 'failed');

    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(
      /^refused: host localhost resolves only to refused addresses: .*(127\.0\.0\.1|::1) \(loopback\).*WEBHOOK_ALLOW_PRIVATE=true/,
    );
    expect(receiver.callsTo('/ok-local')).toHaveLength(0);
  });

  it('given a 404 answer or a secret that is not configured, when tried, then the delivery fails for good after one attempt, and an incident retry delivers it once the receiver is back', async () => {
    const gone = await enqueue('deal-won:5', receiver.url('/gone'));
    const unsigned = await enqueue('deal-won:6', receiver.url('/ok-secret'), '{}', 'erp');

    const goneFailed = await deliveryIn(gone.id, 'failed');
    const secretFailed = await deliveryIn(unsigned.id, 'failed');

    expect(goneFailed).toEqual(expect.objectContaining({ attempts: 1, lastStatusCode: 404, lastError: 'the receiver answered 404: status 404' }));
    expect(secretFailed.lastError).toBe('the secret "erp" is not configured (WEBHOOK_SECRETS or WEBHOOK_SECRET_ERP)');
    expect(receiver.callsTo('/ok-secret')).toHaveLength(0);

    // The receiver is back; retrying the delivery's incident delivers it.
    receiver.gone.delete('/gone');
    const incidents = await openIncidentsOnceJobFailed(suite, instanceId, `webhook:${gone.id}`);
    const incident = incidents.find((item) => item.job?.key === `webhook:${gone.id}`);
    expect(
      (
        await suite
          .http()
          .post(`/api/v1/incidents/${incident?.id ?? 'none'}/retry`)
          .set(...bearer(suite.adminToken()))
      ).status,
    ).toBe(200);
    expect(await deliveryIn(gone.id, 'delivered')).toEqual(expect.objectContaining({ attempts: 2, lastStatusCode: 200, lastError: null }));
  });

  it('given an action running in a TypeORM transaction that rolls back, when it had enqueued a call, then nothing is delivered', async () => {
    let queuedId = '';
    await expect(
      outbox.inTypeOrmTransaction(async (manager) => {
        queuedId = (
          await outbox.webhook.enqueue(manager, {
            idempotencyKey: 'deal-won:typeorm',
            processInstanceId: instanceId,
            url: receiver.url('/ok-typeorm'),
            body: '{}',
          })
        ).id;
        throw new Error('the action failed after queuing');
      }),
    ).rejects.toThrow('the action failed after queuing');

    expect(queuedId).not.toBe('');
    expect(await suite.query(`SELECT id FROM webhook_deliveries WHERE idempotency_key = 'deal-won:typeorm'`)).toEqual([]);
    expect(await suite.query(`SELECT id FROM graphile_worker.jobs WHERE key = $1`, [`webhook:${queuedId}`])).toEqual([]);
  });

  it('given a body that is not JSON after rendering, when queued, then it is refused naming the field and nothing is written', async () => {
    await expect(enqueue('deal-won:7', receiver.url('/ok'), '{"deal": ACME}')).rejects.toThrow(/^body is not valid JSON after rendering/);

    expect(await suite.query(`SELECT id FROM webhook_deliveries WHERE idempotency_key = 'deal-won:7'`)).toEqual([]);
  });

  it('given filters and roles, when deliveries are listed, then they filter by status, refuse bad filters with 400 and sellers with 403', async () => {
    const token = suite.adminToken();
    const delivered = await suite
      .http()
      .get('/api/v1/webhooks/deliveries?status=delivered')
      .set(...bearer(token));
    expect((delivered.body.items as DeliveryBody[]).map((item) => item.idempotencyKey).sort()).toEqual(['deal-won:1', 'deal-won:2', 'deal-won:5']);
    const failed = await suite
      .http()
      .get('/api/v1/webhooks/deliveries?status=failed')
      .set(...bearer(token));
    expect(failed.body.total).toBe(3);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/webhooks/deliveries?status=lost')
          .set(...bearer(token))
      ).status,
    ).toBe(400);
    const seller = await suite.createUser('sid', ['seller'], ['sales']);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/webhooks/deliveries')
          .set(...bearer(seller.token))
      ).status,
    ).toBe(403);
  });
});
