import { ApiClientError } from './api-client-error.js';
import { createStageflowClient } from './stageflow-client.js';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: RequestInit['body'];
}

/** A fetch that records each call and answers with the next of `answers` (JSON, or raw bytes). */
function fakeFetch(...answers: { status: number; body?: unknown; bytes?: Uint8Array }[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: String(input), method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body: init.body });
    const answer = answers.shift() ?? { status: 500 };
    if (answer.bytes) return new Response(answer.bytes, { status: answer.status, headers: { 'content-type': 'application/zip' } });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

describe('the packages client', () => {
  it('given a zip, when deployed, then it POSTs the bytes as application/zip with the token and returns the answer', async () => {
    const { fetch, calls } = fakeFetch({ status: 201, body: { name: 'lead', version: '1.0.0', created: true } });
    const client = createStageflowClient({ baseUrl: 'http://engine', token: 'tok', fetch });
    const zip = new Uint8Array([0x50, 0x4b, 3, 4]);

    const deployed = await client.packages.deploy(zip);

    expect(deployed).toEqual({ name: 'lead', version: '1.0.0', created: true });
    expect(calls).toEqual([
      {
        url: 'http://engine/api/v1/packages',
        method: 'POST',
        headers: { accept: 'application/json', authorization: 'Bearer tok', 'content-type': 'application/zip' },
        body: zip,
      },
    ]);
  });

  it('given a version, when its archive is read, then it answers the bytes as sent', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 5, 6, 0, 255]);
    const { fetch, calls } = fakeFetch({ status: 200, bytes });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    const archive = await client.packages.archive('lead', '1.0.0+x');

    expect(archive).toEqual(bytes);
    expect(calls[0]!.url).toBe('http://engine/api/v1/packages/lead/versions/1.0.0%2Bx/archive');
  });

  it('given an archive that is not there, when read, then it throws ApiClientError with the JSON error body', async () => {
    const { fetch } = fakeFetch({ status: 404, body: { error: 'not_found', message: 'package lead has no version 9.0.0' } });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    const thrown = await client.packages.archive('lead', '9.0.0').catch((error: unknown) => error);

    expect(thrown).toBeInstanceOf(ApiClientError);
    expect(thrown).toMatchObject({ status: 404, error: 'not_found', path: '/packages/lead/versions/9.0.0/archive' });
  });

  it('given parameter values, when set, then it PUTs them as JSON to the package parameters', async () => {
    const { fetch, calls } = fakeFetch({ status: 200, body: { name: 'lead', values: { sla: 48 } } });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    await client.packages.setParameters('lead', { sla: 48 });

    expect(calls[0]).toMatchObject({ method: 'PUT', url: 'http://engine/api/v1/packages/lead/parameters', body: JSON.stringify({ sla: 48 }) });
    expect(calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('given a reason, when the parameters are set, then it goes as ?comment=, encoded', async () => {
    const { fetch, calls } = fakeFetch({ status: 200, body: {} });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    await client.packages.setParameters('lead', { sla: 48 }, 'Q1 & spring: faster');

    expect(calls[0]).toMatchObject({ method: 'PUT', url: 'http://engine/api/v1/packages/lead/parameters?comment=Q1+%26+spring%3A+faster' });
  });

  it('given the read, rollback and history routes, when called, then each goes to its path with its body and paging', async () => {
    const { fetch, calls } = fakeFetch(...Array.from({ length: 6 }, () => ({ status: 200, body: {} })));
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    await client.packages.list();
    await client.packages.get('lead');
    await client.packages.versions('lead');
    await client.packages.version('lead', '1.2.0');
    await client.packages.rollback('lead', { version: '1.1.0', force: true });
    await client.packages.parameterHistory('lead', { limit: 10 });

    expect(calls.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET http://engine/api/v1/packages',
      'GET http://engine/api/v1/packages/lead',
      'GET http://engine/api/v1/packages/lead/versions',
      'GET http://engine/api/v1/packages/lead/versions/1.2.0',
      'POST http://engine/api/v1/packages/lead/rollback',
      'GET http://engine/api/v1/packages/lead/parameters/history?limit=10',
    ]);
    expect(calls[4]!.body).toBe(JSON.stringify({ version: '1.1.0', force: true }));
  });
});
