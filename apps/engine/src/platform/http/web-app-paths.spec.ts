import { cacheControlOf, isApiPath, isAssetPath, urlPathOf, webAppFileOf } from './web-app-paths.js';

const ROOT = '/srv/app/dist';

describe('web app paths', () => {
  it('given a request URL, then its path is taken without the query and decoded; a malformed escape gives none', () => {
    expect(urlPathOf('/processes/lead%20v2?tab=diagram')).toBe('/processes/lead v2');
    expect(urlPathOf('/')).toBe('/');
    expect(urlPathOf('/%E0%A4%A')).toBeUndefined();
  });

  it('given the API, its docs or anything below /api in any case, then it is the API', () => {
    expect(['/api', '/api/', '/api/v1/tasks', '/API/V1/x', '/api/docs'].map(isApiPath)).toEqual([true, true, true, true, true]);
    expect(['/', '/apis', '/processes/api', '/apiary/x'].map(isApiPath)).toEqual([false, false, false, false]);
  });

  it('given the hashed build output, then it is an asset path', () => {
    expect(isAssetPath('/assets/index-3f2a.js')).toBe(true);
    expect(isAssetPath('/assetsx/a.js')).toBe(false);
    expect(isAssetPath('/processes/assets')).toBe(false);
  });

  it('given a path inside the folder, then the file it names, relative to the folder', () => {
    expect(webAppFileOf(ROOT, '/assets/index-3f2a.js')).toBe('assets/index-3f2a.js');
    expect(webAppFileOf(ROOT, '//favicon.svg')).toBe('favicon.svg');
    expect(webAppFileOf(ROOT, '/processes/lead/edit')).toBe('processes/lead/edit');
  });

  it('given a path that leaves the folder, names a dotfile, holds a NUL or names the folder itself, then no file', () => {
    for (const path of [
      '/../etc/passwd',
      '/assets/../../etc/passwd',
      '/..\\..\\etc\\passwd',
      '/.vite/manifest.json',
      '/.env',
      '/a/./b',
      '/index.html\0.js',
      '/',
      '//',
    ])
      expect({ path, file: webAppFileOf(ROOT, path) }).toEqual({ path, file: undefined });
  });

  it('given a file, then hashed assets are cached for a year as immutable and everything else is revalidated', () => {
    expect(cacheControlOf('assets/index-3f2a.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlOf('index.html')).toBe('no-cache');
    expect(cacheControlOf('favicon.svg')).toBe('no-cache');
  });
});
