import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHttpEngine, type HttpEngine } from '../../test/support/http-engine.js';
import { stageflow, temporaryFolder } from '../../test/support/run-cli.js';

describe('stageflow params', () => {
  let engine: HttpEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('given a deployed package, when its parameters are read, then each is printed as name = JSON', async () => {
    engine = await startHttpEngine(() => ({ status: 200, json: { name: 'lead', values: { firstContactSlaHours: 24, stages: ['New', 'Won'] } } }));

    const run = await stageflow(['params', 'get', 'lead', '--url', engine.url, '--token', 't']);

    expect(run).toMatchObject({ code: 0, stdout: 'firstContactSlaHours = 24\nstages = ["New","Won"]\n', stderr: '' });
    expect(engine.requests.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET /api/v1/packages/lead/parameters']);
  });

  it('given key=value words and a file, when set, then it PUTs the current values with the changes over them', async () => {
    engine = await startHttpEngine((request) =>
      request.method === 'GET'
        ? { status: 200, json: { name: 'lead', values: { firstContactSlaHours: 24, promoteScore: 60, team: 'north' } } }
        : { status: 200, json: { name: 'lead', values: JSON.parse(request.body.toString()) as unknown } },
    );
    const folder = await temporaryFolder();
    try {
      await writeFile(join(folder.path, 'params.json'), JSON.stringify({ promoteScore: 80, firstContactSlaHours: 12 }));

      const run = await stageflow(['params', 'set', 'lead', 'firstContactSlaHours=48', 'team=south', '--file', 'params.json', '--url', engine.url, '--json'], {
        cwd: folder.path,
      });

      expect(run.code).toBe(0);
      expect(engine.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
        'GET /api/v1/packages/lead/parameters',
        'PUT /api/v1/packages/lead/parameters',
      ]);
      expect(JSON.parse(engine.requests[1]!.body.toString())).toEqual({ firstContactSlaHours: 48, promoteScore: 80, team: 'south' });
      expect(run.json()).toEqual({ ok: true, name: 'lead', values: { firstContactSlaHours: 48, promoteScore: 80, team: 'south' } });
    } finally {
      await folder.remove();
    }
  });

  it('given a reason, when set, then it goes with the PUT as ?comment=', async () => {
    engine = await startHttpEngine((request) =>
      request.method === 'GET'
        ? { status: 200, json: { name: 'lead', values: { firstContactSlaHours: 24 } } }
        : { status: 200, json: { name: 'lead', values: {} } },
    );

    const run = await stageflow(['params', 'set', 'lead', 'firstContactSlaHours=8', '--comment', 'Spring campaign', '--url', engine.url]);

    expect(run.code).toBe(0);
    expect(engine.requests[1]).toMatchObject({ method: 'PUT', url: '/api/v1/packages/lead/parameters?comment=Spring+campaign' });
  });

  it('given values the manifest refuses, when set, then it exits 3 naming each field', async () => {
    engine = await startHttpEngine((request) =>
      request.method === 'GET'
        ? { status: 200, json: { name: 'lead', values: { firstContactSlaHours: 24 } } }
        : { status: 400, json: { error: 'bad_request', message: 'invalid parameters', details: [{ path: 'firstContactSlaHours', message: 'must be >= 1' }] } },
    );

    const run = await stageflow(['params', 'set', 'lead', 'firstContactSlaHours=0', '--url', engine.url]);

    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'stageflow: set parameters of lead: the engine answered 400 (bad_request: invalid parameters)\nfirstContactSlaHours: must be >= 1\n',
    );
  });

  it('given nothing to set or a word without =, when set, then it is a usage error (2) and nothing is sent', async () => {
    engine = await startHttpEngine(() => ({ status: 200, json: { values: {} } }));

    const nothing = await stageflow(['params', 'set', 'lead', '--url', engine.url]);
    const noEquals = await stageflow(['params', 'set', 'lead', 'firstContactSlaHours', '--url', engine.url]);
    const noSubcommand = await stageflow(['params', 'lead']);

    expect(nothing).toMatchObject({ code: 2, stderr: 'stageflow: nothing to set: give key=value words or --file <json>\n' });
    expect(noEquals).toMatchObject({ code: 2, stderr: 'stageflow: not key=value: firstContactSlaHours\n' });
    expect(noSubcommand.code).toBe(2);
    expect(engine.requests).toEqual([]);
  });

  it('given a package the engine does not know, when read, then it exits 3 with the 404', async () => {
    engine = await startHttpEngine(() => ({ status: 404, json: { error: 'not_found', message: 'package tender not found' } }));

    const run = await stageflow(['params', 'get', 'tender', '--url', engine.url]);

    expect(run).toMatchObject({ code: 3, stderr: 'stageflow: parameters of tender: the engine answered 404 (not_found: package tender not found)\n' });
  });
});
