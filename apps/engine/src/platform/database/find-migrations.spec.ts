import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { migrationFiles } from './find-migrations.js';

describe('migrationFiles', () => {
  it('finds the migrations of every module in timestamp order, as the hand-kept list had them', async () => {
    const files = await migrationFiles();
    expect(files.slice(0, 17).map((file) => basename(file.path))).toEqual([
      '1732260000000-initial-schema.migration.ts',
      '1732260000001-history-keyed-by-instance.migration.ts',
      '1732260000002-jobs-and-incidents.migration.ts',
      '1732260000020-messages-signals-calls.migration.ts',
      '1732260000040-rule-sets.migration.ts',
      '1732260000050-territories-and-assignment.migration.ts',
      '1732260000060-action-templates.migration.ts',
      '1732260000061-action-runs.migration.ts',
      '1732260000062-action-tasks.migration.ts',
      '1732260000070-outbound-email-webhooks.migration.ts',
      '1732260000080-contact-plans.migration.ts',
      '1732260000085-rule-set-action-runs.migration.ts',
      '1732260000090-called-process-escalations.migration.ts',
      '1732260000095-signal-deliveries.migration.ts',
      '1732260000100-rule-set-generation.migration.ts',
      '1732260000200-task-instance-state-index.migration.ts',
      '1732260000210-history-one-row-per-write.migration.ts',
    ]);
  });

  it('orders migrations of different module folders by timestamp, not by folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'migrations-'));
    await mkdir(join(root, 'a', 'migrations'), { recursive: true });
    await mkdir(join(root, 'b', 'migrations'), { recursive: true });
    await writeFile(join(root, 'a', 'migrations', '1800000000002-late.migration.ts'), '');
    await writeFile(join(root, 'b', 'migrations', '1800000000001-early.migration.ts'), '');
    await writeFile(join(root, 'b', 'not-a-migration.ts'), '');
    await writeFile(join(root, 'b', '1800000000003-outside-a-migrations-folder.migration.ts'), '');
    expect((await migrationFiles(root)).map((file) => file.timestamp)).toEqual(['1800000000001', '1800000000002']);
  });

  it('refuses two migrations with one timestamp, naming both files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'migrations-'));
    await mkdir(join(root, 'a', 'migrations'), { recursive: true });
    await mkdir(join(root, 'b', 'migrations'), { recursive: true });
    await writeFile(join(root, 'a', 'migrations', '1800000000001-one.migration.ts'), '');
    await writeFile(join(root, 'b', 'migrations', '1800000000001-other.migration.ts'), '');
    await expect(migrationFiles(root)).rejects.toThrow(
      /two migrations share the timestamp 1800000000001: .*(one|other)\.migration\.ts and .*(one|other)\.migration\.ts/,
    );
  });
});
