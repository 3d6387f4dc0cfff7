import { request as httpRequest } from 'node:http';
import type { Response } from 'supertest';
import { contractIssues } from '@stageflow/api-contract';
import { unpackPackage } from '@stageflow/process-package';
import { zipSync } from 'fflate';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { tenderPackage } from './support/packages.js';

const suite = setupEngineSuite();

function deploy(zip: Uint8Array, token = suite.adminToken()) {
  return suite
    .http()
    .post('/api/v1/packages')
    .set(...bearer(token))
    .set('Content-Type', 'application/zip')
    .send(Buffer.from(zip));
}

/** The body of a binary answer, as bytes. */
function bytes(response: Response): Buffer {
  return response.body as Buffer;
}

async function counts(): Promise<Record<string, number>> {
  const [row] = await suite.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM packages) AS packages, (SELECT count(*) FROM package_versions) AS versions,
            (SELECT count(*) FROM package_parameter_versions) AS parameter_versions, (SELECT count(*) FROM deployments) AS deployments,
            (SELECT count(*) FROM process_definitions) AS definitions, (SELECT count(*) FROM rule_sets) AS rule_sets`,
  );
  return Object.fromEntries(Object.entries(row!).map(([name, value]) => [name, Number(value)]));
}

describe('POST /api/v1/packages and the packages read', () => {
  let analyst = '';
  let seller = '';

  beforeAll(async () => {
    analyst = (await suite.createUser('pkg-analyst', ['analyst'])).token;
    seller = (await suite.createUser('pkg-seller', ['seller'])).token;
  });

  it('given a valid package zip, when an analyst deploys it, then 201 with the version, what it deployed, its defaults as parameter version 1 and its record type', async () => {
    const zip = tenderPackage({ recordTypes: { lead: { process: 'tender' } } });

    const response = await deploy(zip, analyst);

    expect(response.status).toBe(201);
    expect(contractIssues('PackageDeployed', response.body)).toEqual([]);
    expect(response.body).toEqual(
      expect.objectContaining({
        name: 'tender',
        version: '1.0.0',
        description: 'Public tenders',
        active: true,
        created: true,
        deployedBy: 'pkg-analyst',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        manifest: expect.objectContaining({ name: 'tender', version: '1.0.0' }),
        deployed: expect.objectContaining({ processDefinitions: [expect.objectContaining({ key: 'tender', version: 1 })] }),
      }),
    );
    const parameters = await suite.as(analyst).get('/packages/tender/parameters');
    expect(parameters.body).toEqual(
      expect.objectContaining({ name: 'tender', version: 1, packageVersion: '1.0.0', values: { limit: 100, slaHours: 24 }, live: ['slaHours'] }),
    );
    const recordProcesses = await suite.as(suite.adminToken()).get('/record-processes');
    expect(recordProcesses.body.items ?? recordProcesses.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ recordType: 'lead', processKey: 'tender' })]),
    );
  });

  it('given the same version with the same files zipped otherwise, when deployed again, then 200 created:false and nothing changes', async () => {
    const before = await counts();
    const unpacked = unpackPackage(tenderPackage({ recordTypes: { lead: { process: 'tender' } } }));
    if (!unpacked.ok) throw new Error('the package does not unpack');
    // Other zip bytes of the same files: stored, not deflated, and in another order (as another zip tool makes them).
    const zip = zipSync(Object.fromEntries([...unpacked.files].reverse().map((file) => [file.path, [file.content, { level: 0 }]])));

    const response = await deploy(zip);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ name: 'tender', version: '1.0.0', created: false }));
    expect(await counts()).toEqual(before);
  });

  it('given the same version with other content, when deployed, then 409 naming the version and nothing changes', async () => {
    const before = await counts();

    const response = await deploy(tenderPackage({ description: 'Other tenders' }));

    expect(response.status).toBe(409);
    expect(response.body.message).toContain('tender version 1.0.0 is deployed already with other content');
    expect(await counts()).toEqual(before);
  });

  it('given a package whose last resource is broken, when deployed, then 422 naming the file and element, and no row of it is stored', async () => {
    const before = await counts();
    const zip = tenderPackage({
      version: '2.0.0',
      files: {
        'rules/route.rule-set.json': JSON.stringify({ key: 'tender_route', kind: 'assignment', rules: [{ id: 'r1', conditions: { all: [] }, event: {} }] }),
      },
    });

    const response = await deploy(zip);

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ resource: 'rules/route.rule-set.json' })]));
    expect(await counts()).toEqual(before);
  });

  it('given bytes that are not a zip, then 422 naming the archive; a JSON body, then 400; a seller, then 403', async () => {
    const notZip = await deploy(new TextEncoder().encode('not a zip at all'));
    const json = await suite.as(suite.adminToken()).post('/packages', { name: 'tender' });
    const bySeller = await deploy(tenderPackage({ version: '3.0.0' }), seller);

    expect(notZip.status).toBe(422);
    expect(notZip.body.details[0]).toEqual(expect.objectContaining({ resource: expect.any(String), message: expect.any(String) }));
    expect(json.status).toBe(400);
    expect(json.body.details).toEqual([expect.objectContaining({ path: 'body' })]);
    expect(bySeller.status).toBe(403);
  });

  it('given a zip over the size limit, when sent, then 413 before it is read whole', async () => {
    // Announces one byte over 10 MiB and sends only the first 64 KiB: the answer comes without the rest.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${suite.engine().url}/api/v1/packages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${suite.adminToken()}`, 'content-type': 'application/zip', 'content-length': String(10 * 1024 * 1024 + 1) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024));
    });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toBe('payload_too_large');
  });

  it('given a deployed package, then it is listed, shows its versions, what each deployed, and its archive byte for byte', async () => {
    const zip = tenderPackage({ version: '1.1.0', extraTask: true, recordTypes: { lead: { process: 'tender' } } });
    expect((await deploy(zip)).status).toBe(201);

    const list = await suite.as(seller).get('/packages');
    const one = await suite.as(seller).get('/packages/tender');
    const versions = await suite.as(seller).get('/packages/tender/versions');
    const version = await suite.as(seller).get('/packages/tender/versions/1.1.0');
    const archive = await suite
      .http()
      .get('/api/v1/packages/tender/versions/1.1.0/archive')
      .set(...bearer(seller))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

    expect([
      contractIssues('PackageList', list.body),
      contractIssues('Package', one.body),
      contractIssues('PackageVersionList', versions.body),
      contractIssues('PackageVersion', version.body),
    ]).toEqual([[], [], [], []]);
    expect(list.body.items).toEqual([expect.objectContaining({ name: 'tender', activeVersion: '1.1.0', parameterVersion: 1 })]);
    expect(one.body.versions.map((v: { version: string; active: boolean }) => [v.version, v.active])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true],
    ]);
    expect(versions.body.items).toHaveLength(2);
    expect(version.body.deployed.processDefinitions).toEqual([expect.objectContaining({ key: 'tender', version: 2 })]);
    expect(archive.status).toBe(200);
    expect(archive.headers['content-type']).toBe('application/zip');
    expect(bytes(archive).equals(Buffer.from(zip))).toBe(true);
  });

  it('given an unknown package or version, then 404', async () => {
    expect((await suite.as(seller).get('/packages/nothing')).status).toBe(404);
    expect((await suite.as(seller).get('/packages/tender/versions/9.9.9')).status).toBe(404);
    expect((await suite.as(seller).get('/packages/tender/versions/9.9.9/archive')).status).toBe(404);
    expect((await suite.as(seller).get('/packages/nothing/parameters')).status).toBe(404);
  });
});
