// The package parameters a command's interpreter sees as `params` (and rule sets and templates as
// the `params` fact), without a query per command. An instance keeps the package and the
// parameter version of its start (process_instances.package_name, .parameter_version); every
// parameter version is immutable, so its values are cached for good. Live parameters are read
// from the package's current parameter version, which the instance's read carries along
// (InstanceStoreRepository: a subquery of the statement it makes anyway). What no read saw — the
// current version at a start, or for an instance this node remembers — is taken from this node's
// cache, and the command's write checks it is still current (a change on another node makes the
// write fail; the command runs again with the fresh version).
import type { ParameterValues } from './package.row.js';
import { PackageDefinitionsRepository } from './package-definitions.repository.js';
import { PackagesRepository } from './packages.repository.js';
import { ParameterVersionsRepository } from './parameter-versions.repository.js';

/** A package's parameter version: stamped on a new instance, and what a write checks is still current. */
export interface ParameterStamp {
  packageName: string;
  version: number;
}

/** An instance's parameters as its row names them. */
export interface InstanceParameterRef {
  packageName: string;
  /** The parameter version of its start: the values it keeps. */
  startVersion: number;
  /** The package's current parameter version as the instance's read saw it; undefined when not read (a remembered instance). */
  currentVersion?: number;
}

export interface ResolvedParameters {
  params: ParameterValues;
  /** The package's current parameter version the command used without a read seeing it: its write must find it unchanged. */
  relied?: ParameterStamp;
}

interface VersionValues {
  values: ParameterValues;
  live: readonly string[];
}

const NO_PARAMETERS: ParameterValues = Object.freeze({}) as ParameterValues;
const MAX_CACHED = 500;
/** How long "this definition belongs to no package" is trusted: a package deployed on another node may claim it. */
const NO_PACKAGE_TTL_MS = 10_000;

/** One per node (PackageStoreModule makes it). */
export class InstanceParameters {
  /** Package of each definition (permanent), or the time "none" was read. */
  private readonly packageOfDefinition = new Map<string, string | { noneSince: number }>();
  private readonly currentVersions = new Map<string, number>();
  private readonly versionValues = new Map<string, VersionValues>();
  private readonly merged = new Map<string, ParameterValues>();

  constructor(
    private readonly packages: PackagesRepository,
    private readonly versions: ParameterVersionsRepository,
    private readonly definitions: PackageDefinitionsRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** What a new instance of `definitionId` sees, and the stamp it keeps (none for a definition without a package). */
  async forStart(definitionId: string): Promise<{ params: ParameterValues; stamp?: ParameterStamp }> {
    const packageName = await this.packageOf(definitionId);
    if (packageName === undefined) return { params: NO_PARAMETERS };
    const version = await this.currentVersion(packageName);
    return { params: (await this.valuesOf(packageName, version)).values, stamp: { packageName, version } };
  }

  /** What a command on an existing instance sees: its start's values, the live ones current. */
  async forInstance(ref: InstanceParameterRef | null): Promise<ResolvedParameters> {
    if (ref === null) return { params: NO_PARAMETERS };
    const { packageName, startVersion } = ref;
    if (ref.currentVersion !== undefined) this.observe(packageName, ref.currentVersion);
    const current = ref.currentVersion ?? (await this.currentVersion(packageName));
    const relied = ref.currentVersion === undefined ? { packageName, version: current } : undefined;
    const started = await this.valuesOf(packageName, startVersion);
    if (current === startVersion) return { params: started.values, ...(relied ? { relied } : {}) };
    const now = await this.valuesOf(packageName, current);
    if (now.live.length === 0) return { params: started.values, ...(relied ? { relied } : {}) };
    const key = `${packageName}\n${startVersion}\n${current}`;
    let params = this.merged.get(key);
    if (!params) {
      params = { ...started.values };
      for (const name of now.live) if (name in now.values) params[name] = now.values[name]!;
      this.remember(this.merged, key, params);
    }
    return { params, ...(relied ? { relied } : {}) };
  }

  /** A read saw the package at `version`: the next start on this node uses at least it. */
  observe(packageName: string, version: number): void {
    const known = this.currentVersions.get(packageName);
    if (known === undefined || known < version) this.currentVersions.set(packageName, version);
  }

  /** Reads the package's current parameter version again; true when it moved past `stamp` (the write that relied on it failed for that). */
  async movedPast(stamp: ParameterStamp): Promise<boolean> {
    const version = await this.packages.currentParameterVersion(stamp.packageName);
    if (version !== undefined) this.observe(stamp.packageName, version);
    return version !== stamp.version;
  }

  /** A package was deployed on this node: definitions read as package-less are asked again. */
  forgetPackagelessDefinitions(): void {
    for (const [id, entry] of this.packageOfDefinition) if (typeof entry !== 'string') this.packageOfDefinition.delete(id);
  }

  private async packageOf(definitionId: string): Promise<string | undefined> {
    const entry = this.packageOfDefinition.get(definitionId);
    if (typeof entry === 'string') return entry;
    if (entry && this.now() - entry.noneSince < NO_PACKAGE_TTL_MS) return undefined;
    const packageName = await this.definitions.packageOf(definitionId);
    this.remember(this.packageOfDefinition, definitionId, packageName ?? { noneSince: this.now() });
    return packageName;
  }

  private async currentVersion(packageName: string): Promise<number> {
    const known = this.currentVersions.get(packageName);
    if (known !== undefined) return known;
    const version = await this.packages.currentParameterVersion(packageName);
    if (version === undefined) throw new Error(`package ${packageName} has no parameters`);
    this.observe(packageName, version);
    return version;
  }

  private async valuesOf(packageName: string, version: number): Promise<VersionValues> {
    const key = `${packageName}\n${version}`;
    const cached = this.versionValues.get(key);
    if (cached) return cached;
    const row = await this.versions.get(packageName, version);
    if (!row) throw new Error(`package ${packageName} has no parameter version ${version}`);
    const values = { values: Object.freeze(row.values) as ParameterValues, live: row.live };
    this.remember(this.versionValues, key, values);
    return values;
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= MAX_CACHED) map.clear();
    map.set(key, value);
  }
}
