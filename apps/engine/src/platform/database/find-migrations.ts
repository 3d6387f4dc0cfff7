// Migrations are found by folder: any `migrations/*.migration.{js,ts}` below the engine's source
// root (apps/engine/src, or dist once built), so a module keeps its own beside its code and no
// hand-kept list is edited by every change. TypeORM orders them by the timestamp that ends each
// class name; two migrations with one timestamp would make that order a guess, so they are refused.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type MigrationClass = new () => unknown;

/** The engine's source root: two folders above this file (platform/database/). */
const ENGINE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `.ts` under jest (sources), `.js` once built. */
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const MIGRATION_FILE = new RegExp(`^(\\d{13})-[a-z0-9-]+\\.migration\\${EXTENSION}$`);

/** Every migration file below `root`, as paths, ordered by timestamp. */
export async function migrationFiles(root = ENGINE_ROOT): Promise<{ timestamp: string; path: string }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const found: { timestamp: string; path: string }[] = [];
  for (const entry of entries) {
    const match = MIGRATION_FILE.exec(entry.name);
    if (!entry.isFile() || !match || !entry.parentPath.endsWith('migrations')) continue;
    found.push({ timestamp: match[1]!, path: join(entry.parentPath, entry.name) });
  }
  found.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.timestamp === found[i - 1]!.timestamp)
      throw new Error(`two migrations share the timestamp ${found[i]!.timestamp}: ${found[i - 1]!.path} and ${found[i]!.path}`);
  }
  return found;
}

/** The migration classes, ordered by timestamp; each file exports exactly one, named after its timestamp. */
export async function findMigrations(root = ENGINE_ROOT): Promise<MigrationClass[]> {
  const classes: MigrationClass[] = [];
  for (const file of await migrationFiles(root)) {
    const exported = Object.values((await import(pathToFileURL(file.path).href)) as Record<string, unknown>).filter(
      (value): value is MigrationClass => typeof value === 'function',
    );
    if (exported.length !== 1 || !exported[0]!.name.endsWith(file.timestamp)) {
      throw new Error(`${file.path} must export one migration class whose name ends with ${file.timestamp}`);
    }
    classes.push(exported[0]!);
  }
  return classes;
}
