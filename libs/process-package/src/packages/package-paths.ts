// The path rules of a package's files, the same for a folder and a zip: relative, `/` between
// folders, no `..`/`.`/empty segment, no drive letter, no control character — a path can never
// leave the package wherever it is unpacked, and means the same on every system.
import { packageLimits } from './package-limits.js';

/** Why `path` is not a path a package may hold, or undefined. */
export function packagePathProblem(path: string): string | undefined {
  if (path === '') return 'is an empty path';
  if (path.length > packageLimits.maxPathLength) return `is longer than ${packageLimits.maxPathLength} characters`;
  if (path.includes('\\')) return 'must use / between folders, not \\';
  if (path.startsWith('/')) return 'must be a relative path, not an absolute one';
  if (/^[A-Za-z]:/.test(path)) return 'must not start with a drive letter';
  // oxlint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain control characters';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return 'must not contain "..", "." or empty folder names';
  return undefined;
}
