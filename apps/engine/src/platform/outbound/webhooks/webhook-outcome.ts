// What a receiver's answer means for the delivery: 2xx delivered; 408 and 429 (the receiver
// asks to come back) and 5xx retried with back-off; every other 4xx a permanent failure (the
// same request would be refused again); a redirect is not followed (it could lead anywhere,
// past the allow-list) and fails permanently, naming where it pointed.
export type WebhookOutcome = { kind: 'delivered' } | { kind: 'retry'; reason: string } | { kind: 'permanent'; reason: string };

export function outcomeOf(status: number, responseSnippet: string, location?: string): WebhookOutcome {
  const answer = `the receiver answered ${status}${responseSnippet ? `: ${responseSnippet}` : ''}`;
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status >= 300 && status < 400)
    return { kind: 'permanent', reason: `the receiver answered ${status} (a redirect${location ? ` to ${location}` : ''}); redirects are not followed` };
  if (status === 408 || status === 429) return { kind: 'retry', reason: answer };
  if (status >= 400 && status < 500) return { kind: 'permanent', reason: answer };
  return { kind: 'retry', reason: answer };
}
