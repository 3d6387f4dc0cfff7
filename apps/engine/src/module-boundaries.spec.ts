// The import rules of the engine's modules (docs/development.md, "Module map") are enforced by
// oxlint with the repository's own .oxlintrc.json. These specs lint small trees laid out like the
// engine, with one deliberate import each, and check the linter refuses what the rules forbid.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');
const OXLINT = join(REPO, 'node_modules', '.bin', 'oxlint');

/** Lints a tree of `files` (path -> source) with the repository's config; the restricted imports found. */
function restrictedImports(files: Record<string, string>, folder = 'apps'): string[] {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  copyFileSync(join(REPO, '.oxlintrc.json'), join(root, '.oxlintrc.json'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  let output: string;
  try {
    output = execFileSync(OXLINT, ['-c', '.oxlintrc.json', '-f', 'unix', folder], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  return output
    .split('\n')
    .filter((line) => line.includes('no-restricted-imports'))
    .map((line) => line.slice(0, line.indexOf(':')));
}

const ENGINE = 'apps/engine/src';
const processFiles = {
  [`${ENGINE}/process/index.ts`]: "export { ProcessEngine } from './process-engine.js';\n",
  [`${ENGINE}/process/process-engine.ts`]: 'export class ProcessEngine {}\n',
  [`${ENGINE}/process/tasks/tasks.service.ts`]: 'export class TasksService {}\n',
};

describe('module boundaries', () => {
  it('refuses platform code that imports from process/, even through its index', () => {
    const found = restrictedImports({
      ...processFiles,
      [`${ENGINE}/platform/jobs/bad.ts`]: "import { TasksService } from '../../process/tasks/tasks.service.js';\nexport const x = TasksService;\n",
      [`${ENGINE}/platform/health/bad.ts`]: "import { ProcessEngine } from '../../process/index.js';\nexport const y = ProcessEngine;\n",
    });
    expect(found.sort()).toEqual([`${ENGINE}/platform/health/bad.ts`, `${ENGINE}/platform/jobs/bad.ts`]);
  });

  it('lets code outside process/ in through process/index.ts only', () => {
    const found = restrictedImports({
      ...processFiles,
      [`${ENGINE}/crm/leads/good.ts`]: "import { ProcessEngine } from '../../process/index.js';\nexport const x = ProcessEngine;\n",
      [`${ENGINE}/crm/leads/bad.ts`]: "import { TasksService } from '../../process/tasks/tasks.service.js';\nexport const y = TasksService;\n",
      [`${ENGINE}/app.module.ts`]: "import { TasksService } from './process/tasks/tasks.service.js';\nexport const z = TasksService;\n",
    });
    expect(found.sort()).toEqual([`${ENGINE}/app.module.ts`, `${ENGINE}/crm/leads/bad.ts`]);
  });

  it('refuses process code that imports the CRM or reports', () => {
    const found = restrictedImports({
      ...processFiles,
      [`${ENGINE}/crm/leads/leads.service.ts`]: 'export class LeadsService {}\n',
      [`${ENGINE}/process/tasks/bad.ts`]: "import { LeadsService } from '../../crm/leads/leads.service.js';\nexport const x = LeadsService;\n",
      [`${ENGINE}/process/tasks/good.ts`]: "import { TasksService } from './tasks.service.js';\nexport const y = TasksService;\n",
    });
    expect(found).toEqual([`${ENGINE}/process/tasks/bad.ts`]);
  });

  it('refuses node I/O in a pure library, but not in its specs, nor in the Node-side package-folder lib', () => {
    const found = restrictedImports(
      {
        'libs/process-package/src/packages/bad.ts': "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
        'libs/process-package/src/packages/bad-reader.ts':
          "import { readPackageFolder } from '@stageflow/package-folder';\nexport const y = readPackageFolder;\n",
        'libs/rules/src/bad.ts': "import { join } from 'path';\nexport const z = join;\n",
        'libs/process-package/src/packages/docs.spec.ts': "import { readFileSync } from 'node:fs';\nexport const s = readFileSync;\n",
        'libs/package-folder/src/good.ts': "import { readdir } from 'node:fs/promises';\nexport const g = readdir;\n",
      },
      'libs',
    );
    expect(found.sort()).toEqual(['libs/process-package/src/packages/bad-reader.ts', 'libs/process-package/src/packages/bad.ts', 'libs/rules/src/bad.ts']);
  });

  it('keeps the web app to the pure libraries: no Node.js modules, no Node-side lib, no engine code', () => {
    const found = restrictedImports({
      'apps/modeler/src/app/bad-fs.ts': "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
      'apps/modeler/src/app/bad-lib.tsx': "import { readPackageFolder } from '@stageflow/package-folder';\nexport const y = readPackageFolder;\n",
      'apps/modeler/src/app/bad-orm.ts': "import { DataSource } from 'typeorm';\nexport const z = DataSource;\n",
      'apps/modeler/src/app/good.tsx': "import { apiContractSchemas } from '@stageflow/api-contract';\nexport const g = apiContractSchemas;\n",
    });
    expect(found.sort()).toEqual(['apps/modeler/src/app/bad-fs.ts', 'apps/modeler/src/app/bad-lib.tsx', 'apps/modeler/src/app/bad-orm.ts']);
  });

  it('refuses HTML from data in the web app (dangerouslySetInnerHTML)', () => {
    const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
    copyFileSync(join(REPO, '.oxlintrc.json'), join(root, '.oxlintrc.json'));
    mkdirSync(join(root, 'apps/modeler/src'), { recursive: true });
    writeFileSync(
      join(root, 'apps/modeler/src/bad.tsx'),
      'export const Bad = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n',
    );
    let output = '';
    try {
      output = execFileSync(OXLINT, ['-c', '.oxlintrc.json', '-f', 'unix', 'apps'], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    expect(output).toContain('no-danger');
  });
});
