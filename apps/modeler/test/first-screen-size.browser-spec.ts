// The first screen's JavaScript stays under 250 KB gzip (issue 13): the heavy parts (bpmn-js, the
// properties panel, bpmnlint, rjsf, react-querybuilder) must load lazily. Deterministic: it reads
// the build's manifest and gzips the files, no browser and no timing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_APP_DIR } from './support/browser-suite.js';
import { firstScreenFiles, type ViteManifest } from './support/first-screen-files.js';

const LIMIT_BYTES = 250 * 1000;

describe('the size of the web app', () => {
  const manifestPath = join(WEB_APP_DIR, '.vite/manifest.json');

  it('loads under 250 KB gzip of JavaScript before the first screen', () => {
    if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build first (npm run build)`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
    const files = firstScreenFiles(manifest);
    const sizes = files.map((file) => {
      const content = readFileSync(join(WEB_APP_DIR, file));
      return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    });
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    process.stdout.write(
      `first screen JavaScript: ${(total / 1000).toFixed(1)} KB gzip in ${files.length} file(s)\n` +
        sizes.map((size) => `  ${size.file}: ${(size.raw / 1000).toFixed(1)} KB, ${(size.gzip / 1000).toFixed(1)} KB gzip\n`).join(''),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(LIMIT_BYTES);
  });

  it('keeps every page out of the first screen (routes load lazily)', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    expect(entry.dynamicImports).toEqual(expect.arrayContaining(['src/studio/processes/processes-page.tsx', 'src/workspace/tasks/my-tasks-page.tsx']));
    const first = firstScreenFiles(manifest);
    const pageFiles = ['src/studio/processes/processes-page.tsx', 'src/workspace/tasks/my-tasks-page.tsx'].map((key) => manifest[key]!.file);
    expect(first).not.toEqual(expect.arrayContaining([pageFiles[0]]));
    expect(first).not.toEqual(expect.arrayContaining([pageFiles[1]]));
  });
});
