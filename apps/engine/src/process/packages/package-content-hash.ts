// The identity of a package's content: SHA-256 over its files (sorted by path, each as its path,
// its length and its bytes), not over the zip — the same folder zipped by two tools (other
// timestamps, compression, order) is the same content, and deploying it again changes nothing.
import { createHash } from 'node:crypto';
import type { PackageFile } from '@stageflow/process-package';

export function packageContentHash(files: readonly PackageFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}\u0000${file.content.byteLength}\u0000`);
    hash.update(file.content);
  }
  return hash.digest('hex');
}
