import type { SessionUser } from '@stageflow/api-contract';
import { QueryClient } from '@tanstack/react-query';
import { prefetchBoard } from './board.prefetch';

/** A fake engine: answers every read with an empty list after `release()`, remembering what was asked when. */
function fakeEngine() {
  const asked: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetch = async (input: RequestInfo | URL) => {
    asked.push(String(input));
    await released;
    return new Response(JSON.stringify({ items: [], columns: [] }), { status: 200 });
  };
  return { asked, release: () => release(), fetch };
}

const user = (roles: string[]): SessionUser => ({ id: 'u1', username: 'mia', displayName: 'Mia', roles, teams: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the board read at the start', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('asks for the board with the filters of the address first, and a manager’s filter lists only after its answer', async () => {
    const engine = fakeEngine();
    globalThis.fetch = engine.fetch;

    prefetchBoard({
      queryClient: new QueryClient(),
      params: {},
      search: new URLSearchParams('teamId=t1&other=x'),
      session: Promise.resolve(user(['manager'])),
    });
    await settle();

    expect(engine.asked).toEqual(['/api/v1/board?teamId=t1']);
    engine.release();
    await settle();
    await settle();
    expect(engine.asked.slice(1).sort()).toEqual(['/api/v1/products?active=true&limit=200', '/api/v1/teams', '/api/v1/territories', '/api/v1/users']);
  });

  it('reads no filter lists for a seller, who has no filters', async () => {
    const engine = fakeEngine();
    globalThis.fetch = engine.fetch;
    engine.release();

    prefetchBoard({ queryClient: new QueryClient(), params: {}, search: new URLSearchParams(), session: Promise.resolve(user(['seller'])) });
    await settle();
    await settle();

    expect(engine.asked).toEqual(['/api/v1/board']);
  });
});
