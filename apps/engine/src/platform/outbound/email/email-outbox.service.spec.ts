import { InvalidOutboundRequest } from '../invalid-outbound-request.js';
import { checkEmailRequest, type EmailRequest } from './email-outbox.service.js';

const valid: EmailRequest = {
  idempotencyKey: 'welcome:1',
  processInstanceId: '2f1c0c4e-8f0a-4c8e-9a57-0d6c7c1f3b10',
  to: 'Ann <ann@acme.example>, bob@acme.example',
  subject: 'Welcome\n',
  body: 'Hello',
};

describe('checkEmailRequest', () => {
  it('given rendered inputs, when checked, then they are kept, the subject without its trailing line break', () => {
    expect(checkEmailRequest(valid)).toEqual({ ...valid, subject: 'Welcome', attachmentIds: [] });
    expect(checkEmailRequest({ ...valid, processInstanceId: null }).processInstanceId).toBeNull();
  });

  it('given attachment ids, when checked, then each is kept once in its order', () => {
    const a = '0b6f3c1e-1d2a-4f0e-8a77-3f5d2c9e4a01';
    const b = '7c2e9d4a-5b1f-4e3c-9d80-1a2b3c4d5e6f';
    expect(checkEmailRequest({ ...valid, attachmentIds: [b, a, b] }).attachmentIds).toEqual([b, a]);
  });

  it('given an input that cannot be a mail, when checked, then it throws naming the field', () => {
    const fieldOf = (request: EmailRequest): string => {
      try {
        checkEmailRequest(request);
      } catch (error) {
        if (error instanceof InvalidOutboundRequest) return `${error.field}: ${error.message}`;
        throw error;
      }
      return 'accepted';
    };
    expect(fieldOf({ ...valid, to: 'not an address' })).toMatch(/^to: to must be e-mail addresses/);
    expect(fieldOf({ ...valid, to: 'ann@acme.example\r\nBcc: all@acme.example' })).toBe('to: to must be on one line');
    expect(fieldOf({ ...valid, to: '' })).toMatch(/^to: to is required/);
    expect(fieldOf({ ...valid, subject: 'Hi\r\nBcc: all@acme.example' })).toBe('subject: subject must be one line');
    expect(fieldOf({ ...valid, idempotencyKey: ' ' })).toMatch(/^idempotencyKey:/);
    expect(fieldOf({ ...valid, processInstanceId: 'lead-1' })).toMatch(/^processInstanceId:/);
    expect(fieldOf({ ...valid, attachmentIds: ['offer.pdf'] })).toBe('attachments: attachments must be attachment ids (UUIDs), got "offer.pdf"');
    expect(fieldOf({ ...valid, attachmentIds: Array.from({ length: 11 }, () => valid.processInstanceId!) })).toMatch(/^attachments: .*at most 10/);
    expect(fieldOf({ ...valid, body: 'x'.repeat(1_000_001) })).toMatch(/^body: body must be at most 1000000 characters/);
  });
});
