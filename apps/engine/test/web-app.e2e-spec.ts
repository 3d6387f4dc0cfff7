// The built web app served by the engine at `/` (issue 13): its files with their content types and
// cache lifetimes, index.html for deep links, the API's own 404s and the API docs unchanged, no
// way out of the folder, the security headers on all of it; and a start without a built app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { ADMIN_PASSWORD, setupEngineSuite } from './support/engine-suite.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-3f2a9c.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'document.getElementById("root").textContent = "studio";\n';

const folder = mkdtempSync(join(tmpdir(), 'stageflow-web-app-'));
const empty = mkdtempSync(join(tmpdir(), 'stageflow-no-web-app-'));
writeFileSync(join(folder, 'index.html'), INDEX);
writeFileSync(join(folder, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
mkdirSync(join(folder, 'assets'));
writeFileSync(join(folder, 'assets/app-3f2a9c.js'), SCRIPT);
writeFileSync(join(folder, 'assets/app-77aa01.css'), 'body { margin: 0 }\n');
mkdirSync(join(folder, '.vite'));
writeFileSync(join(folder, '.vite/manifest.json'), '{"secret": "build details"}');

const suite = setupEngineSuite({ env: { STAGEFLOW_WEB_APP_DIR: folder } });
let unbuilt: EngineProcess | undefined;

beforeAll(async () => {
  unbuilt = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD, env: { STAGEFLOW_WEB_APP_DIR: empty } });
}, 120_000);

afterAll(async () => {
  await unbuilt?.stop();
  rmSync(folder, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
}, 60_000);

/** A GET with the path exactly as given (supertest would normalise `..` away before sending). */
function rawGet(path: string): Promise<{ status: number; body: string; contentType?: string }> {
  const url = new URL(suite.engine().url);
  return new Promise((resolve, reject) => {
    const call = http.request({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, contentType: response.headers['content-type'] }));
    });
    call.on('error', reject);
    call.end();
  });
}

function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('the web app at /', () => {
  it('given the root, then index.html as HTML, revalidated on every load, with the security headers', async () => {
    const response = await suite.http().get('/');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(INDEX);
    expectSecurityHeaders(response.headers);
  });

  it('given a deep link of the app, then index.html, so that the app routes it', async () => {
    for (const path of ['/processes/lead/edit', '/admin/users?page=2', '/instances/00000000-0000-4000-8000-000000000001/']) {
      const response = await suite.http().get(path);
      expect({ path, status: response.status, type: response.headers['content-type'], cache: response.headers['cache-control'], body: response.text }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
        cache: 'no-cache',
        body: INDEX,
      });
      expectSecurityHeaders(response.headers);
    }
  });

  it('given a hashed asset, then its content type and a year-long immutable cache; other files revalidated', async () => {
    const script = await suite.http().get('/assets/app-3f2a9c.js');
    const style = await suite.http().get('/assets/app-77aa01.css');
    const icon = await suite.http().get('/favicon.svg');

    expect([script.status, script.headers['content-type'], script.headers['cache-control']]).toEqual([
      200,
      'application/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect(script.text).toBe(SCRIPT);
    expectSecurityHeaders(script.headers);
    expect([style.status, style.headers['content-type'], style.headers['cache-control']]).toEqual([
      200,
      'text/css; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect([icon.status, icon.headers['content-type'], icon.headers['cache-control']]).toEqual([200, 'image/svg+xml', 'no-cache']);
  });

  it('given a missing asset, then 404 rather than the app (a stale page must not run HTML as a script)', async () => {
    const response = await suite.http().get('/assets/app-000000.js');

    expect([response.status, response.body.error]).toEqual([404, 'not_found']);
  });

  it('given an unknown API path, or a write to an app path, then the API 404 in the error format as before', async () => {
    const unknown = await suite.http().get('/api/v1/no-such-thing');
    const upper = await suite.http().get('/API/nothing');
    const write = await suite.http().post('/processes').send({});

    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'not_found', message: 'Cannot GET /api/v1/no-such-thing', details: [] });
    expectSecurityHeaders(unknown.headers);
    expect([upper.status, upper.body.error]).toEqual([404, 'not_found']);
    expect([write.status, write.body.error]).toEqual([404, 'not_found']);
  });

  it('given the API and its docs, then they answer as before', async () => {
    const health = await suite.http().get('/api/v1/health');
    const docs = await suite.http().get('/api/docs');
    const json = await suite.http().get('/api/docs-json');

    expect([health.status, health.body.status]).toEqual([200, 'ok']);
    expect([docs.status, docs.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    expect(docs.text).toContain('swagger');
    expectSecurityHeaders(docs.headers);
    expect([json.status, json.body.openapi]).toEqual([200, expect.stringMatching(/^3\./)]);
  });

  it('given a path that leaves the folder or names a dotfile, then 404 and nothing of the file', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/assets/../../package.json',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/.vite/manifest.json',
      '/%2evite/manifest.json',
      '/index.html%00.js',
    ]) {
      const response = await rawGet(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body).not.toContain('root:');
      expect(response.body).not.toContain('build details');
    }
  });
});

describe('without a built web app', () => {
  it('given a folder without index.html, then the engine runs, / says how to build the app, and deep links are 404', async () => {
    const root = await request(unbuilt!.url).get('/');
    const deep = await request(unbuilt!.url).get('/processes');
    const health = await request(unbuilt!.url).get('/api/v1/health');

    expect([root.status, root.headers['content-type']]).toEqual([200, 'text/plain; charset=utf-8']);
    expect(root.text).toContain('npm run build');
    expect(root.text).toContain(empty);
    expectSecurityHeaders(root.headers);
    expect([deep.status, deep.body.error]).toEqual([404, 'not_found']);
    expect(health.status).toBe(200);
  });
});
