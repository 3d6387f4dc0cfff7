import { createHmac } from 'node:crypto';
import { signatureOf, webhookHeaders } from './webhook-signature.js';

describe('webhook signature', () => {
  it('given a secret, timestamp and body, when signed, then the signature is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const body = '{"lead":"ACME","score":80}';
    const expected = createHmac('sha256', 'shh').update(`1700000000.${body}`).digest('hex');

    expect(signatureOf('shh', 1700000000, body)).toBe(`sha256=${expected}`);
    expect(signatureOf('other', 1700000000, body)).not.toBe(`sha256=${expected}`);
    expect(signatureOf('shh', 1700000001, body)).not.toBe(`sha256=${expected}`);
  });

  it('given a secret, when the headers are built, then they carry the key, the timestamp and the signature; without one, no signature', () => {
    const headers = webhookHeaders('{}', 'action:1', 1700000000, 'shh');
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      'User-Agent': 'Stageflow-Webhooks/1',
      'Stageflow-Idempotency-Key': 'action:1',
      'Stageflow-Timestamp': '1700000000',
      'Stageflow-Signature': signatureOf('shh', 1700000000, '{}'),
    });
    expect(webhookHeaders('{}', 'action:1', 1700000000, undefined)).not.toHaveProperty('Stageflow-Signature');
  });
});
