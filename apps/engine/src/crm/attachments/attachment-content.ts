// What an uploaded file is, told from its bytes and never from its name: file-type reads the magic
// numbers (and, for ZIP containers, the entries that make an Office or OpenDocument file); text is
// what is valid UTF-8 without NUL characters. Only the kinds sales documents come in are kept.
// Also: a file name made safe to store and to send back, and the Content-Disposition it goes with.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

export interface ContentKind {
  /** The Content-Type the file is stored and served with. */
  mime: string;
  /** The file name endings that belong to it; the first is added to a name that has none of them. */
  extensions: readonly string[];
}

/** The kinds accepted, by the MIME type file-type answers. */
const BINARY_KINDS: Readonly<Record<string, ContentKind>> = {
  'application/pdf': { mime: 'application/pdf', extensions: ['.pdf'] },
  'image/png': { mime: 'image/png', extensions: ['.png'] },
  'image/jpeg': { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  'image/gif': { mime: 'image/gif', extensions: ['.gif'] },
  'image/webp': { mime: 'image/webp', extensions: ['.webp'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
  },
  'application/vnd.oasis.opendocument.text': { mime: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'] },
};

const PLAIN_TEXT: ContentKind = { mime: 'text/plain; charset=utf-8', extensions: ['.txt', '.text', '.md', '.log'] };
const CSV: ContentKind = { mime: 'text/csv; charset=utf-8', extensions: ['.csv'] };

/** What the accepted kinds are, for the error message and the docs. */
export const ACCEPTED_KINDS = 'PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT, plain text or CSV (UTF-8)';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The kind of `bytes`, or undefined when it is none of the accepted ones (an executable, an archive,
 * an old binary Office file, bytes that are not text). Text is CSV when its name ends with .csv:
 * the bytes cannot tell them apart, and both are served as text.
 */
export async function contentKindOf(bytes: Uint8Array, fileName: string): Promise<ContentKind | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return BINARY_KINDS[detected.mime];
  if (!isText(bytes)) return undefined;
  return extname(fileName).toLowerCase() === '.csv' ? CSV : PLAIN_TEXT;
}

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*]/gu;
const MAX_NAME = 200;

/**
 * A file name safe to store and to offer for download: the last path segment, NFC, without control
 * and format characters or those file systems refuse, without leading dots, at most 200 characters
 * (the ending kept) — and ending as its content's kind does ("offer.exe" holding a PDF becomes
 * "offer.exe.pdf").
 */
export function safeFileName(given: string, kind: ContentKind): string {
  const base = given.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!kind.extensions.includes(extname(name).toLowerCase())) name = `${name || 'attachment'}${kind.extensions[0]}`;
  if (name.length > MAX_NAME) {
    const ending = extname(name);
    name = `${name.slice(0, MAX_NAME - ending.length).trimEnd()}${ending}`;
  }
  return name;
}

/** Content-Disposition for a download: an ASCII fallback name and the exact one (RFC 6266, RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
