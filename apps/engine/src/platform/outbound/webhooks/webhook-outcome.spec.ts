import { outcomeOf } from './webhook-outcome.js';

describe('outcomeOf', () => {
  it('given 2xx, when judged, then delivered', () => {
    expect(outcomeOf(200, '')).toEqual({ kind: 'delivered' });
    expect(outcomeOf(204, '')).toEqual({ kind: 'delivered' });
  });

  it('given 5xx, 408 or 429, when judged, then retried, naming the answer', () => {
    expect(outcomeOf(500, 'boom')).toEqual({ kind: 'retry', reason: 'the receiver answered 500: boom' });
    expect(outcomeOf(503, '').kind).toBe('retry');
    expect(outcomeOf(408, '').kind).toBe('retry');
    expect(outcomeOf(429, '').kind).toBe('retry');
  });

  it('given any other 4xx or a redirect, when judged, then a permanent failure', () => {
    expect(outcomeOf(404, 'no such hook')).toEqual({ kind: 'permanent', reason: 'the receiver answered 404: no such hook' });
    expect(outcomeOf(400, '').kind).toBe('permanent');
    expect(outcomeOf(401, '').kind).toBe('permanent');
    expect(outcomeOf(302, '', 'http://169.254.169.254/')).toEqual({
      kind: 'permanent',
      reason: 'the receiver answered 302 (a redirect to http://169.254.169.254/); redirects are not followed',
    });
  });
});
