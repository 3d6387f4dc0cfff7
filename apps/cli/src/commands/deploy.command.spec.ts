import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packPackage, unpackPackage } from '@stageflow/process-package';
import { closedPortUrl, startHttpEngine, type HttpEngine } from '../../test/support/http-engine.js';
import { FIXTURES, stageflow, temporaryFolder } from '../../test/support/run-cli.js';

describe('stageflow deploy', () => {
  let engine: HttpEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('given a valid folder, when deployed, then it POSTs the packed zip with the token and reports a new version', async () => {
    engine = await startHttpEngine(() => ({ status: 201, json: { name: 'tender', version: '1.0.0', created: true } }));

    const run = await stageflow(['deploy', 'tender', '--url', engine.url, '--token', 'sf_secret']);

    expect(run).toMatchObject({ code: 0, stdout: `tender 1.0.0: deployed to ${engine.url}\n`, stderr: '' });
    expect(engine.requests).toHaveLength(1);
    const [request] = engine.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v1/packages' });
    expect(request!.headers).toMatchObject({ authorization: 'Bearer sf_secret', 'content-type': 'application/zip' });
    const sent = unpackPackage(new Uint8Array(request!.body));
    expect(sent.ok).toBe(true);
    if (sent.ok) expect(Buffer.from(packPackage(sent.files)).equals(request!.body)).toBe(true);
  });

  it('given a zip, when deployed, then its bytes are sent as they are; the same version again reports that nothing changed', async () => {
    engine = await startHttpEngine(() => ({ status: 200, json: { name: 'tender', version: '1.0.0', created: false } }));
    const folder = await temporaryFolder();
    try {
      await stageflow(['pack', join(FIXTURES, 'tender'), '--out', join(folder.path, 't.zip')]);

      const run = await stageflow(['deploy', 't.zip', '--json'], { cwd: folder.path, env: { STAGEFLOW_URL: engine.url, STAGEFLOW_TOKEN: 'from-env' } });

      expect(run.code).toBe(0);
      expect(run.json()).toEqual({ ok: true, name: 'tender', version: '1.0.0', created: false });
      expect(engine.requests[0]!.body.equals(await readFile(join(folder.path, 't.zip')))).toBe(true);
      expect(engine.requests[0]!.headers.authorization).toBe('Bearer from-env');
    } finally {
      await folder.remove();
    }
  });

  it('given an invalid package, when deployed, then nothing is sent and it exits 1 with the problems', async () => {
    engine = await startHttpEngine(() => ({ status: 201, json: {} }));

    const run = await stageflow(['deploy', 'tender-broken-reference', '--url', engine.url]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\ntender\.bpmn: size: /);
    expect(engine.requests).toEqual([]);
  });

  it('given the engine refuses (422 with problems), when deployed, then it exits 3 and prints each problem with its file and element', async () => {
    const body = {
      error: 'invalid_definition',
      message: 'the package has 2 problems',
      details: [
        { resource: 'tender.bpmn', elementId: 'offer', message: 'names the form offer, which the package does not have' },
        { resource: 'rules/tender-size.rule-set.json', path: 'rules[0].conditions.all[0].operator', message: 'is not an operator' },
      ],
    };
    engine = await startHttpEngine(() => ({ status: 422, json: body }));

    const run = await stageflow(['deploy', 'tender', '--url', engine.url, '--json']);

    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      [
        'stageflow: deploy tender 1.0.0: the engine answered 422 (invalid_definition: the package has 2 problems)',
        'tender.bpmn: offer: names the form offer, which the package does not have',
        'rules/tender-size.rule-set.json: rules[0].conditions.all[0].operator: is not an operator',
        '',
      ].join('\n'),
    );
    expect(run.json()).toMatchObject({ ok: false, exitCode: 3, status: 422, error: 'invalid_definition', problems: body.details });
  });

  it('given a refusal without problems (401, 409) or a server error, when deployed, then it exits 3 with the status and message', async () => {
    const answers = [
      { status: 401, json: { error: 'unauthorized', message: 'a bearer token is required' } },
      { status: 409, json: { error: 'conflict', message: 'tender 1.0.0 is deployed with other content', details: [] } },
      { status: 502, json: undefined },
    ];
    engine = await startHttpEngine(() => answers.shift()!);

    const runs = [
      await stageflow(['deploy', 'tender', '--url', engine.url]),
      await stageflow(['deploy', 'tender', '--url', engine.url]),
      await stageflow(['deploy', 'tender', '--url', engine.url]),
    ];

    expect(runs.map((run) => run.code)).toEqual([3, 3, 3]);
    expect(runs.map((run) => run.stderr)).toEqual([
      'stageflow: deploy tender 1.0.0: the engine answered 401 (unauthorized: a bearer token is required)\n',
      'stageflow: deploy tender 1.0.0: the engine answered 409 (conflict: tender 1.0.0 is deployed with other content)\n',
      'stageflow: deploy tender 1.0.0: the engine answered 502 (no error body)\n',
    ]);
  });

  it('given nobody listens at the URL, when deployed, then it exits 4 naming the address and ECONNREFUSED', async () => {
    const url = await closedPortUrl();

    const run = await stageflow(['deploy', 'tender', '--url', url, '--json']);

    expect(run.code).toBe(4);
    expect(run.stderr).toBe(`stageflow: deploy tender 1.0.0: no answer from ${url} (ECONNREFUSED)\n`);
    expect(run.json()).toMatchObject({ ok: false, exitCode: 4, problems: [] });
  });

  it('given a host name that does not resolve, when deployed, then it exits 4', async () => {
    const run = await stageflow(['deploy', 'tender', '--url', 'http://stageflow-engine.invalid:3000']);

    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^stageflow: deploy tender 1\.0\.0: no answer from http:\/\/stageflow-engine\.invalid:3000 \((ENOTFOUND|EAI_AGAIN)\)\n$/);
  });

  it('given an engine that does not answer, when deployed with --timeout, then it gives up after that long with exit 4', async () => {
    engine = await startHttpEngine(() => 'never');
    const started = Date.now();

    const run = await stageflow(['deploy', 'tender', '--url', engine.url, '--timeout', '0.3']);

    expect(run.code).toBe(4);
    expect(run.stderr).toBe(`stageflow: deploy tender 1.0.0: no answer from ${engine.url} (timed out after 0.3 s)\n`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('given a malformed --url or --timeout, when deployed, then it is a usage error (2) and nothing is read or sent', async () => {
    const badUrl = await stageflow(['deploy', 'tender', '--url', 'localhost:3000']);
    const ftp = await stageflow(['deploy', 'tender', '--url', 'ftp://engine']);
    const badTimeout = await stageflow(['deploy', 'tender', '--timeout', 'soon']);
    const fromEnv = await stageflow(['deploy', 'tender'], { env: { STAGEFLOW_URL: 'not a url' } });

    expect(badUrl).toMatchObject({ code: 2, stderr: 'stageflow: --url: not an http(s) URL: localhost:3000\n' });
    expect(ftp).toMatchObject({ code: 2, stderr: 'stageflow: --url: not an http(s) URL: ftp://engine\n' });
    expect(badTimeout).toMatchObject({ code: 2, stderr: 'stageflow: --timeout: not a positive number of seconds: soon\n' });
    expect(fromEnv).toMatchObject({ code: 2, stderr: 'stageflow: --url: not a URL: not a url\n' });
  });
});
