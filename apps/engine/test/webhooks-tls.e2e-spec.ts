// Webhooks over https: the engine connects to the address it checked (the lookup is pinned)
// yet verifies the receiver's certificate against the URL's host NAME. The receiver serves a
// self-signed certificate for `localhost`, which the engine trusts through NODE_EXTRA_CA_CERTS;
// its address 127.0.0.1 is on the allow-list, so https://localhost passes the address check.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { outboxClient, type OutboxClient } from './support/outbox-client.js';
import { eventually } from './support/polling.js';
import { selfSignedCertificate } from './support/self-signed-certificate.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

let receiver: WebhookReceiver;
const env: Record<string, string> = { WEBHOOK_ALLOWED_HOSTS: 'localhost, 127.0.0.1', WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_TIMEOUT_MS: '5000' };
beforeAll(async () => {
  const certificate = selfSignedCertificate('localhost');
  env.NODE_EXTRA_CA_CERTS = certificate.certPath;
  receiver = new WebhookReceiver('127.0.0.1', certificate);
  await receiver.start();
});
afterAll(() => receiver.stop());

const suite = setupEngineSuite({ env });

interface DeliveryBody {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
}

describe('webhooks over https', () => {
  let outbox: OutboxClient;

  beforeAll(() => {
    outbox = outboxClient(suite.databaseUrl(), env);
  });
  afterAll(() => outbox.close());

  async function settled(id: string): Promise<DeliveryBody> {
    return eventually(async () => {
      const response = await suite
        .http()
        .get('/api/v1/webhooks/deliveries')
        .set(...bearer(suite.adminToken()));
      const found = (response.body.items as DeliveryBody[]).find((item) => item.id === id);
      return found && found.status !== 'queued' ? found : undefined;
    }, `delivery ${id} to settle`);
  }

  it('given a receiver whose certificate names the URL host, when called through the pinned address, then it is delivered', async () => {
    const queued = await outbox.inTransaction((tx) =>
      outbox.webhook.enqueue(tx, {
        idempotencyKey: 'tls:1',
        processInstanceId: null,
        url: `https://localhost:${receiver.port}/tls-ok`,
        body: '{"secure":true}',
      }),
    );

    const delivery = await settled(queued.id);

    expect(delivery).toEqual(expect.objectContaining({ status: 'delivered', lastStatusCode: 200 }));
    expect(receiver.callsTo('/tls-ok').map((call) => call.body)).toEqual(['{"secure":true}']);
  });

  it('given a URL host the certificate does not name, when called, then the certificate is refused and nothing is delivered', async () => {
    const queued = await outbox.inTransaction((tx) =>
      outbox.webhook.enqueue(tx, { idempotencyKey: 'tls:2', processInstanceId: null, url: `https://127.0.0.1:${receiver.port}/tls-wrong-name`, body: '{}' }),
    );

    const delivery = await settled(queued.id);

    expect(delivery.status).toBe('failed');
    expect(delivery.lastError).toMatch(/127\.0\.0\.1.*cert/i);
    expect(receiver.callsTo('/tls-wrong-name')).toHaveLength(0);
  });
});
