// Sign-in throttling (issue 10 item 5): per username and per client address, counted in
// PostgreSQL; a locked username or address is answered 429 with Retry-After, the right password
// included, and an unknown username is throttled exactly like a known one.
import { setupEngineSuite } from './support/engine-suite.js';

const LOCK_SECONDS = 2;
const suite = setupEngineSuite({
  env: { STAGEFLOW_SIGN_IN_LOCK_SECONDS: String(LOCK_SECONDS), STAGEFLOW_SIGN_IN_USER_FAILURES: '10', STAGEFLOW_SIGN_IN_ADDRESS_FAILURES: '25' },
});

const login = (username: string, password: string) => suite.http().post('/api/v1/auth/login').send({ username, password });

async function thirtyWrong(username: string): Promise<{ statuses: number[]; retryAfter: string[] }> {
  const statuses: number[] = [];
  const retryAfter: string[] = [];
  for (let i = 0; i < 30; i++) {
    const response = await login(username, `wrong-password-${i}`);
    statuses.push(response.status);
    if (response.status === 429) {
      retryAfter.push(String(response.headers['retry-after']));
      expect(response.body).toMatchObject({ error: 'too_many_requests' });
    }
  }
  return { statuses, retryAfter };
}

describe('sign-in throttling', () => {
  it('given 30 wrong passwords in a row, then the 11th on answer 429 with Retry-After, the right one too, and it works once the lock is over', async () => {
    await suite.createUser('tess', ['seller']);

    const { statuses, retryAfter } = await thirtyWrong('tess');
    const locked = await login('tess', 'tess-password');

    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(20).fill(429)]);
    for (const seconds of retryAfter) expect(Number(seconds)).toBeGreaterThanOrEqual(1);
    for (const seconds of retryAfter) expect(Number(seconds)).toBeLessThanOrEqual(LOCK_SECONDS);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    await new Promise((wait) => setTimeout(wait, Number(locked.headers['retry-after']) * 1000 + 200));
    expect((await login('tess', 'tess-password')).status).toBe(200);
    // The success forgot the failures: a wrong password is a plain 401 again.
    expect((await login('tess', 'wrong-again')).status).toBe(401);
    expect((await login('TESS ', 'tess-password')).status).toBe(200);
  }, 60_000);

  it('given a username nobody has, when 30 wrong passwords come, then the answers are those of a known user', async () => {
    const { statuses } = await thirtyWrong('nobody-here');

    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(20).fill(429)]);
  }, 60_000);

  it('given the failures that lock an address (over many usernames), when it tries another username, then 429', async () => {
    // 10 failures of tess, 10 of nobody-here, 1 of tess after her lock: 21 so far from this address.
    for (const name of ['u1', 'u2', 'u3', 'u4']) expect((await login(name, 'wrong-password')).status).toBe(401);

    const response = await login('u5', 'wrong-password');

    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
