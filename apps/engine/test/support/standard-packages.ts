// The standard process packages of process-definitions/, read from the repository as the engine
// ships them, and deployed into a test engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './engine-process.js';
import type { EngineSuite } from './engine-suite.js';

export const STANDARD_PACKAGES_DIR = join(REPO_ROOT, 'process-definitions');

export interface PackageText {
  path: string;
  content: string;
}

/** Every file of a standard package but its specs, with paths relative to the package folder. */
export function readStandardPackage(name: string): PackageText[] {
  const root = join(STANDARD_PACKAGES_DIR, name);
  const files: PackageText[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.ts')) files.push({ path: relative(root, path).split('\\').join('/'), content: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

interface Manifest {
  recordTypes?: Record<string, { process: string }>;
}

/**
 * Deploys a standard package's resources through POST /deployments and configures the processes
 * of its record types (what POST /packages will do in one step, issue 12).
 */
export async function deployStandardPackage(suite: EngineSuite, name: string): Promise<void> {
  const files = readStandardPackage(name);
  const manifest = JSON.parse(files.find((file) => file.path === 'manifest.json')?.content ?? '{}') as Manifest;
  const resources = files
    .filter((file) => file.path !== 'manifest.json' && !file.path.endsWith('.form.json'))
    .map((file) => ({ name: file.path, content: file.content }));
  const response = await suite.as(suite.adminToken()).post('/deployments', { name: `package ${name}`, resources });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`deploying ${name} failed: ${response.status} ${JSON.stringify(response.body, null, 2)}`);
  for (const [recordType, { process }] of Object.entries(manifest.recordTypes ?? {})) {
    const configured = await suite.as(suite.adminToken()).put(`/record-processes/${recordType}`, { processKey: process });
    if (configured.status !== 200) throw new Error(`configuring the ${recordType} process failed: ${configured.status} ${configured.text}`);
  }
}
