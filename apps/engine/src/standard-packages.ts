// Start-up: the standard packages (process-definitions/ in a checkout: lead, opportunity, account)
// deployed when the engine starts, so that a fresh installation runs the standard processes: each
// package folder whose name is not deployed yet, or whose version is newer (semver) than every
// version deployed, is packed as `stageflow pack` packs it and deployed through the ProcessEngine
// facade as POST /packages deploys it, by the engine — one transaction per package, its record
// types applied with it. An older or equal version changes nothing, so a rollback an analyst made
// stays until a newer version ships. Nodes starting together are safe: the deployments' lock orders
// them and the second finds the version deployed ("same version, same content": created false,
// nothing written). A package that fails is logged with its problems and skipped: the engine
// starts all the same.
import type { LoggerService } from '@nestjs/common';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readPackageFolder } from '@stageflow/package-folder';
import { comparePackageVersions, MANIFEST_FILE, packPackage, parseManifest } from '@stageflow/process-package';
import { DomainError } from './platform/errors/domain-errors.js';
import { ENGINE_ACTOR, type ProcessEngine } from './process/index.js';

export type StandardPackageOutcome =
  | { folder: string; outcome: 'deployed'; name: string; version: string; previous: string | undefined }
  | { folder: string; outcome: 'unchanged'; name: string; version: string; deployed: string }
  | { folder: string; outcome: 'refused'; message: string; problems: unknown[] };

const decoder = new TextDecoder();

export class StandardPackages {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly logger: LoggerService,
  ) {}

  /** Deploys the packages in the sub-folders of `root` (those with a manifest.json), in name order. */
  async deployFolder(root: string): Promise<StandardPackageOutcome[]> {
    let names: string[];
    try {
      names = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch (error) {
      this.logger.warn(`no standard packages deployed: cannot read ${root} (${error instanceof Error ? error.message : String(error)})`);
      return [];
    }
    const folders: string[] = [];
    for (const name of names.sort()) if (await isFile(join(root, name, MANIFEST_FILE))) folders.push(join(root, name));
    const outcomes: StandardPackageOutcome[] = [];
    // One after the other: each is one transaction, and deployments take one lock anyway.
    for (const folder of folders) outcomes.push(await this.deployOne(folder));
    return outcomes;
  }

  private async deployOne(folder: string): Promise<StandardPackageOutcome> {
    try {
      const { files, problems } = await readPackageFolder(folder);
      if (problems.length > 0) return this.refused(folder, 'the folder holds files a package cannot', problems);
      const manifestFile = files.find((file) => file.path === MANIFEST_FILE);
      const parsed = parseManifest(manifestFile ? decoder.decode(manifestFile.content) : '');
      if (!parsed.ok)
        return this.refused(
          folder,
          `${MANIFEST_FILE} is invalid`,
          parsed.problems.map((issue) => ({ resource: MANIFEST_FILE, elementId: issue.path, message: issue.message })),
        );
      const { name, version } = parsed.manifest;
      const latest = await this.latestVersion(name);
      if (latest !== undefined && comparePackageVersions(version, latest) <= 0) return { folder, outcome: 'unchanged', name, version, deployed: latest };
      const answer = await this.engine.deployPackage(packPackage(files), ENGINE_ACTOR);
      // created false: another node starting at the same time deployed it first.
      if (!answer.created) return { folder, outcome: 'unchanged', name, version, deployed: version };
      return { folder, outcome: 'deployed', name, version, previous: latest };
    } catch (error) {
      if (error instanceof DomainError) return this.refused(folder, error.message, error.details);
      return this.refused(folder, error instanceof Error ? error.message : String(error), []);
    }
  }

  /** The highest version of `name` ever deployed (a rollback does not lower it). */
  private async latestVersion(name: string): Promise<string | undefined> {
    const deployed = await this.engine.deployedPackage(name);
    return deployed?.versions
      .map((row) => row.version)
      .sort(comparePackageVersions)
      .at(-1);
  }

  private refused(folder: string, message: string, problems: unknown[]): StandardPackageOutcome {
    const lines = problems.map((problem) => `\n  ${describeProblem(problem)}`).join('');
    this.logger.error(`standard package ${basename(folder)} (${folder}) not deployed: ${message}${lines}`);
    return { folder, outcome: 'refused', message, problems };
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** `file: element: message` as the CLI prints a problem. */
function describeProblem(problem: unknown): string {
  if (typeof problem !== 'object' || problem === null) return String(problem);
  const { resource, elementId, message } = problem as { resource?: unknown; elementId?: unknown; message?: unknown };
  if (typeof message !== 'string') return JSON.stringify(problem);
  const where = [resource, elementId].filter((part) => typeof part === 'string' && part !== '');
  return where.length > 0 ? `${where.join(': ')}: ${message}` : message;
}
