// The limits of one package, whether it comes as a folder or as a zip (docs/packages.md).
export const packageLimits = {
  /** Bytes of the zip itself. */
  maxArchiveBytes: 10 * 1024 * 1024,
  /** Bytes of all files together, unpacked. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** Files, manifest.json included. */
  maxFiles: 500,
  /** Characters of one path. */
  maxPathLength: 255,
  /** Declared parameters. */
  maxParameters: 100,
} as const;

/** The file at the root of every package. */
export const MANIFEST_FILE = 'manifest.json';

/** The `resource` of problems about the zip as a whole rather than one of its files. */
export const ARCHIVE_RESOURCE = '(archive)';
