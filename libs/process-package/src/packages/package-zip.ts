// A package as a zip. Reading is done here, entry by entry from the central directory, instead of
// fflate's unzipSync: the central directory is the only place that says an entry is a symbolic
// link (its Unix mode in the external attributes), and unzipSync inflates each entry whole,
// trusting its declared size. Here the declared sizes are added up before anything is inflated,
// and every entry is inflated in small slices through fflate's streaming Inflate, counting what
// comes out: an entry that inflates past its declared size (a zip bomb that lies) or past the
// package's limit stops at once. Packing is deterministic (sorted entries, a fixed time stamp),
// so one folder packs to the same bytes wherever and whenever it is packed.
import { Inflate, zipSync, type Zippable } from 'fflate';
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import { ARCHIVE_RESOURCE, MANIFEST_FILE, packageLimits } from './package-limits.js';
import { packagePathProblem } from './package-paths.js';
import type { PackageFile } from './package.types.js';

export type PackageUnpack = { ok: true; files: PackageFile[] } | { ok: false; problems: DeploymentProblem[] };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMBOLIC_LINK = 0o120000;
/** Compressed bytes inflated at a time: deflate expands at most ~1032 times, so one slice yields at most ~4 MiB. */
const INFLATE_SLICE = 4096;
/** What macOS's "Compress" adds beside the folder: not part of the package. */
const OS_METADATA = /(^|\/)(__MACOSX\/|\.DS_Store$)/;

const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number): number => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

class ZipRefused extends Error {
  constructor(readonly problem: DeploymentProblem) {
    super(problem.message);
  }
}

const refuse = (resource: string, message: string): never => {
  throw new ZipRefused({ resource, message });
};

/** The files of a package zip, or every reason to refuse it (limits, paths, links, corrupt entries). */
export function unpackPackage(bytes: Uint8Array): PackageUnpack {
  try {
    if (bytes.length > packageLimits.maxArchiveBytes)
      refuse(ARCHIVE_RESOURCE, `is ${bytes.length} bytes; a package zip may have at most ${packageLimits.maxArchiveBytes} bytes`);
    const { entries, problems } = readDirectory(bytes);
    if (problems.length > 0) return { ok: false, problems };
    const files: PackageFile[] = [];
    let total = 0;
    for (const entry of entries) {
      const content = inflateEntry(bytes, entry, packageLimits.maxUnpackedBytes - total);
      total += content.length;
      files.push({ path: entry.name, content });
    }
    return { ok: true, files: stripTopFolder(files) };
  } catch (error) {
    if (error instanceof ZipRefused) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

function readDirectory(bytes: Uint8Array): { entries: Entry[]; problems: DeploymentProblem[] } {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) refuse(ARCHIVE_RESOURCE, 'is not a zip archive');
  const count = u16(bytes, end + 10);
  const directoryOffset = u32(bytes, end + 16);
  if (u16(bytes, end + 4) !== 0 || count !== u16(bytes, end + 8)) refuse(ARCHIVE_RESOURCE, 'is a zip split over several parts; one zip is expected');
  if (count === 0xffff || directoryOffset === 0xffffffff) refuse(ARCHIVE_RESOURCE, 'is a ZIP64 archive, which packages cannot be');
  const entries: Entry[] = [];
  const problems: DeploymentProblem[] = [];
  const names = new Decoder();
  let declared = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) refuse(ARCHIVE_RESOURCE, 'is corrupt: its central directory is cut short');
    const madeBy = u16(bytes, at + 4);
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength)) ?? refuse(ARCHIVE_RESOURCE, `entry ${index + 1} has a name that is not UTF-8`);
    const entry: Entry = {
      name,
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeader: u32(bytes, at + 42),
    };
    const mode = u32(bytes, at + 38) >>> 16;
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const isFolder = name.endsWith('/');
    const path = isFolder ? name.slice(0, -1) : name;
    const pathProblem = packagePathProblem(path);
    if (pathProblem !== undefined) {
      problems.push({ resource: name, message: pathProblem });
      continue;
    }
    if (madeBy >> 8 === UNIX_HOST && (mode & FILE_TYPE_MASK) === SYMBOLIC_LINK) {
      problems.push({ resource: name, message: 'is a symbolic link; a package holds only files and folders' });
      continue;
    }
    if (isFolder || OS_METADATA.test(name)) continue;
    if ((flags & 1) !== 0) problems.push({ resource: name, message: 'is encrypted; a package is not' });
    else if (entry.method !== 0 && entry.method !== 8)
      problems.push({ resource: name, message: `uses compression method ${entry.method}; only stored and deflated entries are read` });
    declared += entry.size;
    entries.push(entry);
  }
  if (entries.length > packageLimits.maxFiles)
    problems.push({ resource: ARCHIVE_RESOURCE, message: `holds ${entries.length} files; a package may have at most ${packageLimits.maxFiles}` });
  if (declared > packageLimits.maxUnpackedBytes)
    problems.push({
      resource: ARCHIVE_RESOURCE,
      message: `unpacks to ${declared} bytes; a package may have at most ${packageLimits.maxUnpackedBytes} bytes unpacked`,
    });
  return { entries, problems };
}

function inflateEntry(bytes: Uint8Array, entry: Entry, room: number): Uint8Array {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) refuse(entry.name, 'is corrupt: its local header is missing');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) refuse(entry.name, 'is corrupt: its data is cut short');
  const limit = Math.min(entry.size, room);
  const tooBig = (): never =>
    entry.size > room
      ? refuse(ARCHIVE_RESOURCE, `unpacks to more than ${packageLimits.maxUnpackedBytes} bytes; a package may have at most that`)
      : refuse(entry.name, `inflates to more than the ${entry.size} bytes it declares (a zip bomb?)`);
  if (entry.method === 0) {
    if (data.length > limit) tooBig();
    return checked(entry, data.slice());
  }
  const out = new Uint8Array(limit);
  let length = 0;
  const inflater = new Inflate();
  inflater.ondata = (chunk: Uint8Array) => {
    if (length + chunk.length > limit) tooBig();
    out.set(chunk, length);
    length += chunk.length;
  };
  try {
    for (let offset = 0; offset < data.length; offset += INFLATE_SLICE) {
      inflater.push(data.subarray(offset, offset + INFLATE_SLICE), offset + INFLATE_SLICE >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    refuse(entry.name, `is corrupt: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checked(entry, out.subarray(0, length));
}

function checked(entry: Entry, content: Uint8Array): Uint8Array {
  if (content.length !== entry.size) refuse(entry.name, `is corrupt: it inflates to ${content.length} bytes, not the ${entry.size} it declares`);
  if (crc32(content) !== entry.crc) refuse(entry.name, 'is corrupt: its checksum does not match');
  return content;
}

/** A zip of a folder ("Compress folder") has the folder as its one top entry: its content is the package. */
function stripTopFolder(files: PackageFile[]): PackageFile[] {
  if (files.length === 0 || files.some((file) => file.path === MANIFEST_FILE)) return files;
  const top = files[0]!.path.split('/')[0]!;
  const prefix = `${top}/`;
  if (!files.every((file) => file.path.startsWith(prefix))) return files;
  return files.map((file) => ({ path: file.path.slice(prefix.length), content: file.content }));
}

class Decoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  decode(bytes: Uint8Array): string | undefined {
    try {
      return this.utf8.decode(bytes);
    } catch {
      return undefined;
    }
  }
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// Local-time fields of a fixed date: the zip format stores local time, and a Date built from
// local fields gives the same fields in every time zone.
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** A deterministic zip of `files`: entries sorted by path, a fixed time stamp, deflated. */
export function packPackage(files: PackageFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const zippable: Zippable = {};
  for (const file of sorted) zippable[file.path] = [file.content, { mtime: FIXED_TIME, level: 6 }];
  return zipSync(zippable);
}
