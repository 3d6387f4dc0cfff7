// Deploying a package (a zip) and reading, exporting and rolling back its versions. A deploy is one
// transaction: the deployment of its resources (DeploymentsService, which checks and versions them
// as every deployment) and the package's own rows (PackageActivation, the version row), so that any
// error leaves nothing behind. The same version again: nothing changes when its content is the
// same, 409 when it differs.
import { Injectable } from '@nestjs/common';
import type {
  OrphanedInstanceView,
  PackageDeployedView,
  PackageRollbackView,
  PackageSummaryView,
  PackageVersionView,
  PackageView,
} from '@stageflow/api-contract';
import { unpackPackage, validatePackage, type PackageFile, type ValidatedPackage } from '@stageflow/process-package';
import { Conflict, InvalidDefinition, NotFound } from '../../platform/errors/domain-errors.js';
import { isUniqueViolation } from '../../platform/database/unique-violation.js';
import { DeploymentsService, type DeploymentResult } from '../deployments/deployments.service.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { InstanceParameters } from './instance-parameters.js';
import type { PackageVersionRow } from './package.row.js';
import { PackageActivation } from './package-activation.js';
import { packageContentHash } from './package-content-hash.js';
import { PackageVersionsRepository } from './package-versions.repository.js';
import { packageSummaryOf, versionOf, versionSummaryOf } from './package-views.js';
import { PackagesRepository } from './packages.repository.js';

/** Who deploys or rolls back: recorded as `deployedBy` / `changedBy`; userId null for the engine itself. */
export interface PackageActor {
  userId: string | null;
  username: string;
}

/** Running instances a rollback refusal names at most (the message says how many there are beyond). */
const MAX_ORPHANS_NAMED = 100;

/** What a version deployed, by resource kind: the deployment's lists of versions (its warnings are no resource). */
function deployedResources({ warnings: _warnings, ...result }: DeploymentResult): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).filter(([, value]) => Array.isArray(value)));
}

@Injectable()
export class PackagesService {
  constructor(
    private readonly deployments: DeploymentsService,
    private readonly packages: PackagesRepository,
    private readonly versions: PackageVersionsRepository,
    private readonly activation: PackageActivation,
    private readonly instances: ProcessInstancesRepository,
    private readonly parameters: InstanceParameters,
  ) {}

  /** Deploys the package `archive` (a zip) as `principal` (a user, or the engine: userId null): 422 naming every problem, nothing stored. */
  async deploy(archive: Uint8Array, principal: PackageActor): Promise<PackageDeployedView> {
    const files = unpacked(archive);
    const validatedPackage = await validated(files);
    const { manifest } = validatedPackage;
    const contentHash = packageContentHash(files);
    const existing = await this.versions.get(manifest.name, manifest.version);
    if (existing) return this.deployedBefore(existing, contentHash);
    let stored: PackageVersionRow | undefined;
    try {
      await this.deployments.deploy(
        { name: `${manifest.name}@${manifest.version}`, resources: validatedPackage.resources },
        principal.userId,
        async (deployment, tx) => {
          await this.activation.activate(
            { manifest, liveParameters: validatedPackage.liveParameters, deployment, reason: 'deploy', by: principal.username },
            tx,
          );
          const row = {
            package_name: manifest.name,
            version: manifest.version,
            manifest: manifest as unknown as Record<string, unknown>,
            content_hash: contentHash,
            deployment_id: deployment.id,
            deployed: deployedResources(deployment),
            deployed_by: principal.username,
          };
          stored = { ...row, deployed_at: await this.versions.insert({ ...row, archive }, tx) };
        },
      );
    } catch (error) {
      // The same version deployed meanwhile (by another node): answered as if it came first.
      const raced = isUniqueViolation(error, 'package_versions_pkey') ? await this.versions.get(manifest.name, manifest.version) : undefined;
      if (raced) return this.deployedBefore(raced, contentHash);
      throw error;
    }
    this.parameters.forgetPackagelessDefinitions();
    return { ...versionOf(stored!, manifest.version), created: true };
  }

  async list(): Promise<PackageSummaryView[]> {
    const rows = await this.packages.all();
    return Promise.all(rows.map(async (row) => packageSummaryOf(row, await this.versions.get(row.name, row.active_version))));
  }

  async get(name: string): Promise<PackageView> {
    const row = await this.packages.byName(name);
    if (!row) throw new NotFound(`package ${name} not found`);
    const versions = await this.versions.of(name);
    return {
      ...packageSummaryOf(
        row,
        versions.find((version) => version.version === row.active_version),
      ),
      versions: versions.map((version) => versionSummaryOf(version, row.active_version)),
    };
  }

  async version(name: string, version: string): Promise<PackageVersionView> {
    const { row, activeVersion } = await this.versionRow(name, version);
    return versionOf(row, activeVersion);
  }

  /** The zip of a version, byte for byte as it was deployed. */
  async archive(name: string, version: string): Promise<Buffer> {
    const archive = await this.versions.archive(name, version);
    if (!archive) throw new NotFound(`package ${name} has no version ${version}`);
    return archive;
  }

  /**
   * Makes `version` the active one again: its resources are deployed again (each becomes the
   * latest version of its key, as new versions where the latest differs), its parameter schema
   * applies (values carried over), its record types apply. Running instances stay on the
   * definitions they started on; those whose process (key and content) the version does not have
   * are orphaned — refused with 409 naming them unless `force` (docs/packages.md).
   */
  async rollback(name: string, target: { version: string; force: boolean }, principal: PackageActor): Promise<PackageRollbackView> {
    const { row } = await this.versionRow(name, target.version);
    const archive = await this.archive(name, target.version);
    const validatedPackage = await validated(unpacked(archive));
    const kept = ((row.deployed.processDefinitions ?? []) as { id: string }[]).map((definition) => definition.id);
    const orphans = await this.instances.runningOutside(name, kept, MAX_ORPHANS_NAMED + 1);
    const orphaned: OrphanedInstanceView[] = orphans
      .slice(0, MAX_ORPHANS_NAMED)
      .map((orphan) => ({ processInstanceId: orphan.id, definitionKey: orphan.definition_key, definitionVersion: orphan.definition_version }));
    if (orphaned.length > 0 && !target.force) {
      const more = orphans.length > MAX_ORPHANS_NAMED ? ` (the first ${MAX_ORPHANS_NAMED} named)` : '';
      throw new Conflict(
        `rolling ${name} back to ${target.version} would orphan ${orphaned.length} running instance${orphaned.length === 1 ? '' : 's'}${more} of processes that version does not have; roll back with force to do it anyway`,
        orphaned,
      );
    }
    await this.deployments.deploy({ name: `${name}@${target.version} (rollback)`, resources: validatedPackage.resources }, principal.userId, (deployment, tx) =>
      this.activation
        .activate(
          { manifest: validatedPackage.manifest, liveParameters: validatedPackage.liveParameters, deployment, reason: 'rollback', by: principal.username },
          tx,
        )
        .then(() => undefined),
    );
    this.parameters.forgetPackagelessDefinitions();
    return { ...versionOf(row, target.version), orphaned };
  }

  private async versionRow(name: string, version: string): Promise<{ row: PackageVersionRow; activeVersion: string }> {
    const pkg = await this.packages.byName(name);
    if (!pkg) throw new NotFound(`package ${name} not found`);
    const row = await this.versions.get(name, version);
    if (!row) throw new NotFound(`package ${name} has no version ${version}`);
    return { row, activeVersion: pkg.active_version };
  }

  private async deployedBefore(existing: PackageVersionRow, contentHash: string): Promise<PackageDeployedView> {
    if (existing.content_hash !== contentHash)
      throw new Conflict(
        `package ${existing.package_name} version ${existing.version} is deployed already with other content; give the package a new version`,
        [{ name: existing.package_name, version: existing.version, deployedContentHash: existing.content_hash, contentHash }],
      );
    const active = (await this.packages.byName(existing.package_name))?.active_version ?? existing.version;
    return { ...versionOf(existing, active), created: false };
  }
}

/** 422 naming every problem of the zip or of the package. */
function invalidPackage(problems: readonly object[]): InvalidDefinition {
  return new InvalidDefinition(`the package has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was deployed`, [...problems]);
}

function unpacked(archive: Uint8Array): PackageFile[] {
  const result = unpackPackage(archive);
  if (!result.ok) throw invalidPackage(result.problems);
  return result.files;
}

async function validated(files: PackageFile[]): Promise<ValidatedPackage> {
  const result = await validatePackage(files);
  if (!result.ok) throw invalidPackage(result.problems);
  return result.package;
}
