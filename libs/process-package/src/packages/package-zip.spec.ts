import { zipSync } from 'fflate';
import { ARCHIVE_RESOURCE, packageLimits } from './package-limits.js';
import { packPackage, unpackPackage } from './package-zip.js';
import { samplePackage } from './sample-package.testing.js';

const encoder = new TextEncoder();
const time = new Date(2000, 0, 1);

/** Offsets of the central directory entries of a zip made by fflate (one per file, in order). */
function directoryEntries(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    offsets.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return offsets;
}

describe('packPackage and unpackPackage', () => {
  it('given a package, when packed and unpacked, then the same files come back, sorted by path', () => {
    const files = samplePackage();
    const result = unpackPackage(packPackage(files));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(result.files.map((f) => f.path)).toEqual(sorted.map((f) => f.path));
    expect(result.files.map((f) => Buffer.from(f.content).toString())).toEqual(sorted.map((f) => Buffer.from(f.content).toString()));
  });

  it('given the same files in another order, when packed twice, then the bytes are identical', () => {
    const files = samplePackage();
    expect(Buffer.from(packPackage(files)).equals(Buffer.from(packPackage([...files].reverse())))).toBe(true);
  });

  it('given a zip of a folder ("Compress folder"), when unpacked, then the top folder is stripped and macOS metadata dropped', () => {
    const zip = zipSync({
      'tender/': [new Uint8Array(0), { mtime: time }],
      'tender/manifest.json': [encoder.encode('{}'), { mtime: time }],
      'tender/mail/a.liquid': [encoder.encode('a'), { mtime: time }],
      '__MACOSX/tender/._manifest.json': [encoder.encode('x'), { mtime: time }],
      'tender/.DS_Store': [encoder.encode('x'), { mtime: time }],
    });
    const result = unpackPackage(zip);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.files.map((f) => f.path)).toEqual(['manifest.json', 'mail/a.liquid']);
  });

  it('given bytes that are not a zip, then the archive is refused', () => {
    expect(unpackPackage(encoder.encode('not a zip at all, just text that is long enough'))).toEqual({
      ok: false,
      problems: [{ resource: ARCHIVE_RESOURCE, message: 'is not a zip archive' }],
    });
  });

  it('given a zip larger than the limit, then it is refused before it is read', () => {
    const result = unpackPackage(new Uint8Array(packageLimits.maxArchiveBytes + 1));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          resource: ARCHIVE_RESOURCE,
          message: `is ${packageLimits.maxArchiveBytes + 1} bytes; a package zip may have at most ${packageLimits.maxArchiveBytes} bytes`,
        },
      ],
    });
  });

  it('given entries that leave the package, then each is named', () => {
    const zip = zipSync({
      '../evil.bpmn': [encoder.encode('x'), { mtime: time }],
      '/etc/passwd.liquid': [encoder.encode('x'), { mtime: time }],
      'C:/x.liquid': [encoder.encode('x'), { mtime: time }],
      'a\\b.liquid': [encoder.encode('x'), { mtime: time }],
    });
    expect(unpackPackage(zip)).toEqual({
      ok: false,
      problems: [
        { resource: '../evil.bpmn', message: 'must not contain "..", "." or empty folder names' },
        { resource: '/etc/passwd.liquid', message: 'must be a relative path, not an absolute one' },
        { resource: 'C:/x.liquid', message: 'must not start with a drive letter' },
        { resource: 'a\\b.liquid', message: 'must use / between folders, not \\' },
      ],
    });
  });

  it('given a symbolic link entry (Unix mode in the external attributes), then it is refused', () => {
    const zip = zipSync({
      'manifest.json': [encoder.encode('{}'), { mtime: time }],
      'link.liquid': [encoder.encode('/etc/passwd'), { mtime: time, os: 3, attrs: 0o120777 << 16 }],
    });
    expect(unpackPackage(zip)).toEqual({
      ok: false,
      problems: [{ resource: 'link.liquid', message: 'is a symbolic link; a package holds only files and folders' }],
    });
  });

  it('given more files than the limit, then the count is refused', () => {
    const entries = Object.fromEntries(Array.from({ length: packageLimits.maxFiles + 1 }, (_, i) => [`f${i}.liquid`, [new Uint8Array(0), { mtime: time }]]));
    expect(unpackPackage(zipSync(entries as never))).toEqual({
      ok: false,
      problems: [{ resource: ARCHIVE_RESOURCE, message: `holds ${packageLimits.maxFiles + 1} files; a package may have at most ${packageLimits.maxFiles}` }],
    });
  });

  it('given a zip bomb that declares its size, then it is refused by the declared size before inflating', () => {
    const zeros = new Uint8Array(packageLimits.maxUnpackedBytes + 1);
    const zip = zipSync({ 'bomb.liquid': [zeros, { mtime: time, level: 9 }] });
    expect(zip.length).toBeLessThan(packageLimits.maxArchiveBytes);
    expect(unpackPackage(zip)).toEqual({
      ok: false,
      problems: [
        {
          resource: ARCHIVE_RESOURCE,
          message: `unpacks to ${zeros.length} bytes; a package may have at most ${packageLimits.maxUnpackedBytes} bytes unpacked`,
        },
      ],
    });
  });

  it('given a zip bomb that lies about its size, then inflating stops at the declared size', () => {
    const zip = zipSync({ 'bomb.liquid': [new Uint8Array(20 * 1024 * 1024), { mtime: time, level: 9 }] });
    const [entry] = directoryEntries(zip);
    new DataView(zip.buffer).setUint32(entry! + 24, 1000, true);
    expect(unpackPackage(zip)).toEqual({
      ok: false,
      problems: [{ resource: 'bomb.liquid', message: 'inflates to more than the 1000 bytes it declares (a zip bomb?)' }],
    });
  });

  it('given an entry whose content does not match its checksum, then it is refused as corrupt', () => {
    const zip = zipSync({ 'a.liquid': [encoder.encode('hello'), { mtime: time, level: 0 }] });
    const [entry] = directoryEntries(zip);
    const view = new DataView(zip.buffer);
    view.setUint32(entry! + 16, view.getUint32(entry! + 16, true) ^ 1, true);
    expect(unpackPackage(zip)).toEqual({ ok: false, problems: [{ resource: 'a.liquid', message: 'is corrupt: its checksum does not match' }] });
  });
});
