import { QueryClient } from '@tanstack/react-query';
import { startRoute, type RouteStart, type StartableRoute } from './route-prefetch';

/** A route that records what startRoute asked of it. */
function recordingRoute(path: string, withPrefetch = true) {
  const calls = { preloaded: 0, prefetched: [] as Omit<RouteStart, 'queryClient' | 'session'>[] };
  const route: StartableRoute = {
    path,
    Page: {
      preload: () => {
        calls.preloaded++;
        return Promise.resolve();
      },
    },
    prefetch: withPrefetch ? ({ params, search }) => calls.prefetched.push({ params, search }) : undefined,
  };
  return { route, calls };
}

describe('starting the app on a page', () => {
  const realFetch = globalThis.fetch;
  let asked: string[];

  beforeEach(() => {
    asked = [];
    // The engine is not there: every call is refused as without a session.
    globalThis.fetch = (input: RequestInfo | URL) => {
      asked.push(String(input));
      return Promise.resolve(new Response(JSON.stringify({ error: 'unauthorized', message: 'no session' }), { status: 401 }));
    };
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('asks for the session and starts the matched page and its reads at once, with its parameters and query', () => {
    const board = recordingRoute('workspace/board');
    const record = recordingRoute('workspace/records/:type/:id');

    startRoute(new QueryClient(), [board.route, record.route], { pathname: '/workspace/records/lead/42', search: '?tab=timeline' });

    expect(asked).toEqual(['/api/v1/auth/session']);
    expect(record.calls.preloaded).toBe(1);
    expect(record.calls.prefetched).toHaveLength(1);
    expect(record.calls.prefetched[0]!.params).toEqual({ type: 'lead', id: '42' });
    expect(record.calls.prefetched[0]!.search.get('tab')).toBe('timeline');
    expect(board.calls).toEqual({ preloaded: 0, prefetched: [] });
  });

  it('prefers a static path to a parameter, as the router does', () => {
    const byKey = recordingRoute('studio/versions/:key');
    const list = recordingRoute('studio/versions/all');

    startRoute(new QueryClient(), [byKey.route, list.route], { pathname: '/studio/versions/all', search: '' });

    expect([byKey.calls.preloaded, list.calls.preloaded]).toEqual([0, 1]);
  });

  it('only asks for the session on a path no page has (sign-in, the home redirect)', () => {
    const board = recordingRoute('workspace/board');

    startRoute(new QueryClient(), [board.route], { pathname: '/sign-in', search: '' });

    expect(asked).toEqual(['/api/v1/auth/session']);
    expect(board.calls).toEqual({ preloaded: 0, prefetched: [] });
  });

  it('resolves once the page has loaded, so the first render can draw it; a chunk that fails resolves too', async () => {
    let arrive: () => void = () => undefined;
    const loaded: StartableRoute = { path: 'workspace/board', Page: { preload: () => new Promise<void>((resolve) => (arrive = resolve)) } };
    const failed: StartableRoute = { path: 'workspace/agenda', Page: { preload: () => Promise.reject(new Error('chunk refused')) } };
    let settled = false;

    const waiting = startRoute(new QueryClient(), [loaded, failed], { pathname: '/workspace/board', search: '' }).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    arrive();
    await waiting;

    expect(settled).toBe(true);
    await expect(startRoute(new QueryClient(), [loaded, failed], { pathname: '/workspace/agenda', search: '' })).resolves.toBeUndefined();
  });

  it('gives a page without first reads its chunk only', () => {
    const agenda = recordingRoute('workspace/agenda', false);

    startRoute(new QueryClient(), [agenda.route], { pathname: '/workspace/agenda', search: '' });

    expect(agenda.calls.preloaded).toBe(1);
  });

  it('hands the prefetch the session as a promise that ends in null without one', async () => {
    let session: Promise<unknown> | undefined;
    const route: StartableRoute = { path: 'workspace/board', Page: { preload: () => Promise.resolve() }, prefetch: (start) => (session = start.session) };

    startRoute(new QueryClient(), [route], { pathname: '/workspace/board', search: '' });

    await expect(session).resolves.toBeNull();
  });
});
