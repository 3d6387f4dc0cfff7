import { messageIdFor, senderDomain } from './email-message-id.js';

describe('messageIdFor', () => {
  it('given one idempotency key, when derived twice, then the Message-ID is the same; another key gives another one', () => {
    const first = messageIdFor('action:lead-1:welcome', 'Sales <sales@Example.com>');
    expect(first).toBe(messageIdFor('action:lead-1:welcome', 'Sales <sales@Example.com>'));
    expect(first).toMatch(/^<[0-9a-f]{40}@example\.com>$/);
    expect(messageIdFor('action:lead-2:welcome', 'sales@example.com')).not.toBe(first);
  });

  it('given no usable From address, when the domain is taken, then a reserved domain stands in', () => {
    expect(senderDomain(undefined)).toBe('stageflow.invalid');
    expect(senderDomain('nobody')).toBe('stageflow.invalid');
    expect(senderDomain('a@b.example.org')).toBe('b.example.org');
  });
});
