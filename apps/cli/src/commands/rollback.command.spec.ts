import { startHttpEngine, type HttpEngine } from '../../test/support/http-engine.js';
import { stageflow } from '../../test/support/run-cli.js';

const ORPHAN = { processInstanceId: '7f0c1d2e-3b4a-4c5d-8e6f-708192a3b4c5', definitionKey: 'tender', definitionVersion: 2 };
const VERSION_VIEW = { name: 'tender', version: '1.0.0', deployedAt: '2026-12-07T10:00:00.000Z', deployedBy: 'ana' };

/** An engine that refuses the rollback without force (one orphan) and does it with force. */
function rollbackEngine(): Promise<HttpEngine> {
  return startHttpEngine((request) => {
    if (request.method !== 'POST' || request.url !== '/api/v1/packages/tender/rollback') return { status: 404, json: { error: 'not_found', message: 'no' } };
    const body = JSON.parse(request.body.toString('utf8')) as { version: string; force?: boolean };
    return body.force
      ? { status: 200, json: { ...VERSION_VIEW, version: body.version, orphaned: [ORPHAN] } }
      : {
          status: 409,
          json: { error: 'conflict', message: 'rolling tender back to 1.0.0 would orphan 1 running instance', details: [ORPHAN] },
        };
  });
}

describe('stageflow rollback', () => {
  let engine: HttpEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('given running instances the version does not have, when rolled back without --force, then it exits 3 naming each instance and the way on', async () => {
    engine = await rollbackEngine();

    const run = await stageflow(['rollback', 'tender', '--version', '1.0.0', '--url', engine.url]);

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the engine answered 409');
    expect(run.stderr).toContain('add --force to roll back anyway');
    expect(run.stderr).toContain(`instance ${ORPHAN.processInstanceId}: runs tender version 2, which that version does not have`);
    expect(JSON.parse(engine.requests[0]!.body.toString('utf8'))).toEqual({ version: '1.0.0' });
  });

  it('given --force, when rolled back, then the engine is asked with force and the orphaned instances are listed', async () => {
    engine = await rollbackEngine();

    const run = await stageflow(['rollback', 'tender', '--version', '1.0.0', '--force', '--url', engine.url]);

    expect(run).toMatchObject({
      code: 0,
      stdout: `tender: 1.0.0 is the active version again\n  orphaned: instance ${ORPHAN.processInstanceId} (tender version 2)\n`,
    });
    expect(JSON.parse(engine.requests[0]!.body.toString('utf8'))).toEqual({ version: '1.0.0', force: true });
  });

  it('given --json, when rolled back, then one JSON document says the version and the orphans', async () => {
    engine = await rollbackEngine();

    const run = await stageflow(['rollback', 'tender', '--version', '1.0.0', '--force', '--json', '--url', engine.url]);

    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ ok: true, name: 'tender', version: '1.0.0', orphaned: [ORPHAN] });
  });

  it('given no --version, when run, then it is a usage error and nothing is sent', async () => {
    const run = await stageflow(['rollback', 'tender', '--url', 'http://127.0.0.1:9']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--version <version>' not specified");
  });
});
