// Which file of the built web app a request path names, and how long a browser may keep it. Pure:
// web-app.ts looks at the disk.
import { resolve, sep } from 'node:path';

/** Vite's hashed build output: a changed file gets a new name, so the old one never changes. */
const ASSETS = 'assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon): the browser asks again each time (a 304 while unchanged). */
const REVALIDATE = 'no-cache';

/** The path of a request URL: without the query, percent-decoded; undefined when it cannot be decoded. */
export function urlPathOf(url: string): string | undefined {
  const query = url.indexOf('?');
  try {
    return decodeURIComponent(query < 0 ? url : url.slice(0, query));
  } catch {
    return undefined;
  }
}

/** The API's and its docs' paths (routing is case-insensitive): never the web app's. */
export function isApiPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/api' || lower.startsWith('/api/');
}

/** Paths of the hashed build output: a missing one is a 404, never the app's index.html. */
export function isAssetPath(path: string): boolean {
  return path.toLowerCase().startsWith(`/${ASSETS}`);
}

/**
 * The file a path names inside `root`, relative to it, or undefined when the path may not name a
 * file there: one that leaves the folder, holds a NUL or a segment starting with a dot (`..`,
 * `.vite/manifest.json`, `.env`), or names the folder itself.
 */
export function webAppFileOf(root: string, path: string): string | undefined {
  if (path.includes('\0')) return undefined;
  const segments = path.split(/[/\\]/).filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) return undefined;
  const full = resolve(root, ...segments);
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return segments.join('/');
}

export function cacheControlOf(file: string): string {
  return file.startsWith(ASSETS) ? IMMUTABLE : REVALIDATE;
}
