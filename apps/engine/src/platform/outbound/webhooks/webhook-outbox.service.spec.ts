import { InvalidOutboundRequest } from '../invalid-outbound-request.js';
import { checkWebhookRequest, type WebhookRequest } from './webhook-outbox.service.js';

const valid: WebhookRequest = {
  idempotencyKey: 'deal-won:1',
  processInstanceId: null,
  url: 'https://hooks.example.com/deal',
  body: '{"deal":"ACME"}',
  secretName: 'crm-prod',
};

function refusal(request: WebhookRequest): string {
  try {
    checkWebhookRequest(request);
  } catch (error) {
    if (error instanceof InvalidOutboundRequest) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('checkWebhookRequest', () => {
  it('given rendered inputs, when checked, then they are kept (the URL normalised)', () => {
    expect(checkWebhookRequest(valid)).toEqual(valid);
    expect(checkWebhookRequest({ ...valid, url: 'HTTPS://Hooks.Example.com', secretName: undefined })).toEqual({
      ...valid,
      url: 'https://hooks.example.com/',
      secretName: undefined,
    });
  });

  it('given a body that is not JSON after rendering, when checked, then it is refused naming the body', () => {
    expect(refusal({ ...valid, body: '{"deal": ACME}' })).toMatch(/^body is not valid JSON after rendering \(/);
    expect(refusal({ ...valid, body: '' })).toMatch(/^body is not valid JSON/);
  });

  it('given a URL that cannot be called, when checked, then it is refused naming the url', () => {
    expect(refusal({ ...valid, url: 'hooks.example.com/deal' })).toBe('url is not a URL: "hooks.example.com/deal"');
    expect(refusal({ ...valid, url: 'file:///etc/passwd' })).toBe('url must be an http or https URL, got file://');
    expect(refusal({ ...valid, url: 'https://user:pw@hooks.example.com/' })).toMatch(/^url must not contain credentials/);
  });

  it('given a bad key or secret name, when checked, then it is refused naming the field', () => {
    expect(refusal({ ...valid, idempotencyKey: 'a\r\nX-Injected: 1' })).toMatch(/^idempotencyKey must be one line/);
    expect(refusal({ ...valid, secretName: 'crm prod' })).toMatch(/^secretName must be/);
  });
});
