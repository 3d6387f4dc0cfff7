// The files of a standard package folder as the package holds them: every file but the specs
// and helpers written beside them (TypeScript is never part of a package).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface PackageFileText {
  path: string;
  content: string;
}

/** The files of a package folder (specs excluded), paths relative to it with `/`. */
export function packageFiles(name: string): PackageFileText[] {
  const root = join(ROOT, name);
  const files: PackageFileText[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.ts')) files.push({ path: relative(root, path).split('\\').join('/'), content: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
