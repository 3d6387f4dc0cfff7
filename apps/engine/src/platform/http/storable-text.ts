// Text PostgreSQL cannot store: a NUL character (text and jsonb refuse it) and a lone UTF-16
// surrogate (not a character at all; jsonb refuses it, text columns silently turn it into U+FFFD).
// Every string that enters through the API is checked here once, at the edge, so that bad input is
// a 400 naming where it was — never a 500 from the database, never a silently changed value.
import { isUtf8 } from 'node:buffer';
import { Invalid } from '../errors/domain-errors.js';

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (!text.isWellFormed()) return 'must not contain a lone UTF-16 surrogate (not a Unicode character)';
  return undefined;
}

/** RFC 6901: `~` and `/` inside a reference token are escaped. */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Whether every string and object key in `value` can be stored. The walk every request body, path
 * and query takes: it builds no JSON pointers (a string per key and item), which only a refusal needs.
 */
function allStorable(value: unknown): boolean {
  if (typeof value === 'string') return unstorableReason(value) === undefined;
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!allStorable(value[i])) return false;
    return true;
  }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (unstorableReason(key) !== undefined || !allStorable((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The first string (or object key) in `value` that cannot be stored, with its JSON pointer below `pointer`. */
export function findUnstorableText(value: unknown, pointer = ''): { path: string; message: string } | undefined {
  return allStorable(value) ? undefined : locateUnstorableText(value, pointer);
}

/** findUnstorableText's second walk, once something was found: the first such text and its pointer. */
function locateUnstorableText(value: unknown, pointer: string): { path: string; message: string } | undefined {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    return reason === undefined ? undefined : { path: pointer, message: reason };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = locateUnstorableText(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyReason = unstorableReason(key);
      if (keyReason !== undefined) return { path: `${pointer}/${pointerToken(key)}`, message: `has a name that ${keyReason}` };
      const found = locateUnstorableText(item, `${pointer}/${pointerToken(key)}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws a 400 naming the first string of `value` that cannot be stored (`where`: body, query, path, multipart). */
export function assertStorableText(value: unknown, where: string): void {
  const found = findUnstorableText(value);
  if (found) {
    const path = found.path === '' ? where : `${where}${found.path}`;
    throw new Invalid(`${path} ${found.message}`, [{ in: where, path: found.path, message: found.message }]);
  }
}

/** Throws a 400 when `bytes` are not valid UTF-8: refused, never repaired into U+FFFD. */
export function assertUtf8(bytes: Uint8Array, where: string): void {
  if (!isUtf8(bytes)) throw new Invalid(`${where} is not valid UTF-8`, [{ in: where, path: '', message: 'is not valid UTF-8' }]);
}

/**
 * Throws a 400 when the `%xx` escapes of a URL part do not decode (bytes that are not UTF-8, or a
 * malformed escape): refused, never repaired. A part without `%` is plain ASCII and needs no look.
 */
export function assertDecodableEscapes(part: string, where: string): void {
  if (!part.includes('%')) return;
  try {
    decodeURIComponent(part);
  } catch {
    throw new Invalid(`${where} is not valid UTF-8 or has a malformed %-escape`, [
      { in: where, path: '', message: 'is not valid UTF-8 or has a malformed %-escape' },
    ]);
  }
}

/**
 * The checks of a request's URL before its handler runs: the %-escapes of the path and of the query
 * string must decode, and no path parameter or query value may hold text that cannot be stored.
 * `url` is the raw request target (path and query as sent).
 */
export function assertStorableRequestText(url: string, params: unknown, query: unknown): void {
  const queryAt = url.indexOf('?');
  assertDecodableEscapes(queryAt < 0 ? url : url.slice(0, queryAt), 'path');
  if (queryAt >= 0) assertDecodableEscapes(url.slice(queryAt + 1), 'query');
  assertStorableText(params, 'path');
  assertStorableText(query, 'query');
}
