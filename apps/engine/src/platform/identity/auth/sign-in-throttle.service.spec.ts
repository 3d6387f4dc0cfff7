import { fakeAs } from '../../database/fake-as.js';
import { loadEngineConfig } from '../../config/engine-config.js';
import { SignInThrottle, SignInThrottled } from './sign-in-throttle.service.js';
import { FakeSignInThrottlesRepository } from './sign-in-throttles.repository.fake.js';
import type { SignInThrottlesRepository } from './sign-in-throttles.repository.js';

function newTestService(env: NodeJS.ProcessEnv = {}) {
  const throttles = new FakeSignInThrottlesRepository();
  const config = loadEngineConfig(
    { STAGEFLOW_SIGN_IN_USER_FAILURES: '3', STAGEFLOW_SIGN_IN_ADDRESS_FAILURES: '5', STAGEFLOW_SIGN_IN_LOCK_SECONDS: '10', ...env },
    '/tmp',
  );
  return { throttle: new SignInThrottle(fakeAs<SignInThrottlesRepository>(throttles), config), throttles };
}

async function retryAfter(attempt: Promise<unknown>): Promise<number> {
  const error: unknown = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SignInThrottled)) throw new Error('the attempt was not throttled');
  return error.retryAfterSeconds;
}

describe('SignInThrottle', () => {
  it('given the limit of failures for a username, when it tries again, then throttled for the lock, whatever its case or spaces, and free after it', async () => {
    const { throttle, throttles } = newTestService();
    for (let i = 0; i < 3; i++) await throttle.attempt('ann', '10.0.0.1');

    expect(await retryAfter(throttle.attempt(' ANN ', '10.0.0.2'))).toBe(10);
    throttles.now += 10_000;
    await expect(throttle.attempt('ann', '10.0.0.2')).resolves.toBeDefined();
  });

  it('given a lock that ended, when the next attempt fails too, then the next lock is twice as long, up to an hour', async () => {
    const { throttle, throttles } = newTestService();
    for (let i = 0; i < 3; i++) await throttle.attempt('ann', undefined);
    throttles.now += 10_000;
    await throttle.attempt('ann', undefined);

    const locks = [await retryAfter(throttle.attempt('ann', undefined))];
    for (let i = 0; i < 9; i++) {
      throttles.now += locks.at(-1)! * 1000 + 60_000; // past the lock (its failures are remembered for 15 minutes after it)
      await throttle.attempt('ann', undefined);
      locks.push(await retryAfter(throttle.attempt('ann', undefined)));
    }
    expect(locks).toEqual([20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]);
  });

  it('given a success, when counted, then the username starts over and the address keeps only its failures', async () => {
    const { throttle, throttles } = newTestService();
    await throttle.attempt('ann', '10.0.0.1');
    await throttle.attempt('ann', '10.0.0.1');
    await throttle.succeeded(await throttle.attempt('ann', '10.0.0.1'));

    expect(throttles.rows.get('user:ann')).toBeUndefined();
    expect(throttles.rows.get('address:10.0.0.1')?.failures).toBe(2);
  });

  it('given the limit of failures from one address over many usernames, when it tries any username, then throttled', async () => {
    const { throttle } = newTestService();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await throttle.attempt(name, '10.0.0.1');

    expect(await retryAfter(throttle.attempt('f', '10.0.0.1'))).toBe(10);
    await expect(throttle.attempt('f', '10.0.0.9')).resolves.toBeDefined();
  });

  it('given a locked username, when attempts keep coming, then they are not counted (the lock does not grow, the address is not charged)', async () => {
    const { throttle, throttles } = newTestService();
    for (let i = 0; i < 3; i++) await throttle.attempt('ann', '10.0.0.1');
    for (let i = 0; i < 20; i++) await retryAfter(throttle.attempt('ann', '10.0.0.1'));

    expect(throttles.rows.get('user:ann')?.failures).toBe(3);
    expect(throttles.rows.get('address:10.0.0.1')?.failures).toBe(3);
  });

  it('given failures older than the window, when the user tries again, then they are forgotten', async () => {
    const { throttle, throttles } = newTestService();
    await throttle.attempt('ann', undefined);
    await throttle.attempt('ann', undefined);
    throttles.now += 16 * 60_000;
    await throttle.attempt('ann', undefined);

    expect(throttles.rows.get('user:ann')?.failures).toBe(1);
  });

  it('given an admin reset, when released, then a locked username may try again at once', async () => {
    const { throttle } = newTestService();
    for (let i = 0; i < 3; i++) await throttle.attempt('ann', undefined);
    await throttle.release('Ann');

    await expect(throttle.attempt('ann', undefined)).resolves.toBeDefined();
  });
});
