import { ApiClientError } from './api-client-error.js';
import { createStageflowClient } from './stageflow-client.js';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: RequestInit['body'];
}

/** A fetch that records each call and answers with the next of `answers`. */
function fakeFetch(...answers: { status: number; body?: unknown; text?: string }[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: String(input), method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body: init.body });
    const answer = answers.shift() ?? { status: 500, text: '' };
    const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    return new Response(text === '' ? null : text, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

describe('createStageflowClient', () => {
  it('given a login, when called, then it POSTs the body as JSON under /api/v1 without a token and returns the answer', async () => {
    const { fetch, calls } = fakeFetch({ status: 200, body: { accessToken: 'a.b.c', tokenType: 'Bearer', expiresIn: 3600 } });
    const client = createStageflowClient({ baseUrl: 'http://engine:3000/', fetch });

    const answer = await client.auth.login({ username: 'admin', password: 'secret' });

    expect(answer.accessToken).toBe('a.b.c');
    expect(calls).toEqual([
      {
        url: 'http://engine:3000/api/v1/auth/login',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'secret' }),
      },
    ]);
  });

  it('given a token, when a list is read with filters, then it sends the bearer token and the defined filters as the query', async () => {
    const { fetch, calls } = fakeFetch({ status: 200, body: { items: [], total: 0, offset: 0, limit: 10 } });
    const client = createStageflowClient({ baseUrl: 'http://engine', token: 'tok', fetch });

    const page = await client.tasks.list({ processInstanceId: 'p 1', state: 'created', assignee: undefined, limit: 10 });

    expect(page.total).toBe(0);
    expect(calls[0]!.url).toBe('http://engine/api/v1/tasks?processInstanceId=p+1&state=created&limit=10');
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.headers.authorization).toBe('Bearer tok');
  });

  it('given a token function, when routes with ids are called, then it reads the token per call and escapes the ids', async () => {
    const { fetch, calls } = fakeFetch({ status: 200, body: {} }, { status: 200, body: {} }, { status: 201, body: {} });
    let token = 'first';
    const client = createStageflowClient({ baseUrl: 'http://engine', token: () => token, fetch });

    await client.tasks.claim('t/1');
    token = 'second';
    await client.tasks.complete('t1', { variables: { approved: true } });
    await client.processDefinitions.start('lead', { businessKey: 'L-1' });

    expect(calls.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST http://engine/api/v1/tasks/t%2F1/claim',
      'POST http://engine/api/v1/tasks/t1/complete',
      'POST http://engine/api/v1/process-definitions/key/lead/start',
    ]);
    expect(calls.map(({ headers }) => headers.authorization)).toEqual(['Bearer first', 'Bearer second', 'Bearer second']);
    expect(calls[1]!.body).toBe(JSON.stringify({ variables: { approved: true } }));
    expect(calls[2]!.body).toBe(JSON.stringify({ businessKey: 'L-1' }));
  });

  it('given files, when uploaded, then it sends a multipart form with the name and one file part per resource', async () => {
    const { fetch, calls } = fakeFetch({ status: 201, body: { id: 'd1' } });
    const client = createStageflowClient({ baseUrl: 'http://engine', token: 'tok', fetch });

    await client.deployments.upload([{ name: 'lead.bpmn', content: '<definitions/>' }], { name: 'lead' });

    const form = calls[0]!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(calls[0]!.headers['content-type']).toBeUndefined();
    expect(form.get('name')).toBe('lead');
    const file = form.get('files') as File;
    expect(file.name).toBe('lead.bpmn');
    expect(await file.text()).toBe('<definitions/>');
  });

  it('given an error answer of the engine, when called, then it throws ApiClientError with the status and the body', async () => {
    const body = { error: 'bad_request', message: 'invalid body', details: [{ path: 'name', message: 'is required' }] };
    const { fetch } = fakeFetch({ status: 400, body });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    const thrown = await client.messages.publish({ name: '' }).catch((error: unknown) => error);

    expect(thrown).toBeInstanceOf(ApiClientError);
    expect(thrown).toMatchObject({ status: 400, body, error: 'bad_request', details: body.details, method: 'POST', path: '/messages' });
    expect((thrown as Error).message).toBe('POST /messages: 400 bad_request: invalid body');
  });

  it('given a non-2xx answer that is not an error body, when called, then it throws ApiClientError with the status and no body', async () => {
    const { fetch } = fakeFetch({ status: 502, text: '<html>Bad gateway</html>' });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    const thrown = await client.incidents.get('i1').catch((error: unknown) => error);

    expect(thrown).toBeInstanceOf(ApiClientError);
    expect(thrown).toMatchObject({ status: 502, body: undefined, error: undefined, details: [] });
  });

  it('given an error body without details, when called, then details is an empty list', async () => {
    const { fetch } = fakeFetch({ status: 404, body: { error: 'not_found', message: 'task t1 not found' } });
    const client = createStageflowClient({ baseUrl: 'http://engine', fetch });

    await expect(client.tasks.get('t1')).rejects.toMatchObject({ status: 404, body: { error: 'not_found', message: 'task t1 not found', details: [] } });
  });
});
