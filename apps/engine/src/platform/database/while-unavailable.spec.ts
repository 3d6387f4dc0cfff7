import { retryWhileUnavailable } from './while-unavailable.js';

const unavailable = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('retryWhileUnavailable', () => {
  it('runs the work again while the database is unavailable, and answers once it is back', async () => {
    let calls = 0;
    const answer = await retryWhileUnavailable(
      async () => {
        calls++;
        if (calls < 3) throw unavailable;
        return 'done';
      },
      { timeoutMs: 5000, delayMs: 1 },
    );
    expect([answer, calls]).toEqual(['done', 3]);
  });

  it('lets any other error through at once', async () => {
    let calls = 0;
    await expect(
      retryWhileUnavailable(
        async () => {
          calls++;
          throw new Error('duplicate key value');
        },
        { timeoutMs: 5000, delayMs: 1 },
      ),
    ).rejects.toThrow('duplicate key value');
    expect(calls).toBe(1);
  });

  it('gives up when the database stays away past the time allowed', async () => {
    await expect(retryWhileUnavailable(async () => Promise.reject(unavailable), { timeoutMs: 20, delayMs: 5 })).rejects.toBe(unavailable);
  });
});
