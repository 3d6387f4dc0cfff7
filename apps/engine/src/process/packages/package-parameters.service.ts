// A package's parameters: read, changed without a redeploy (checked against the active version's
// parameter schema; each change a new parameter version with who, when, old and new), and their
// history. New instances start with the new values; running ones keep theirs except the live
// parameters (instance-parameters.ts).
import { Injectable } from '@nestjs/common';
import type { PackageParametersView, ParameterChangeView } from '@stageflow/api-contract';
import {
  liveParameters,
  parameterDefaults,
  validatePackageParameters,
  type PackageManifest,
  type PackageParameters,
  type ValidationIssue,
} from '@stageflow/process-package';
import { Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { isPlainObject } from '../../platform/http/input.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { InstanceParameters } from './instance-parameters.js';
import type { PackageRow } from './package.row.js';
import { PackageVersionsRepository } from './package-versions.repository.js';
import { parameterChangeOf, parametersOf } from './package-views.js';
import { PackagesRepository } from './packages.repository.js';
import { parameterChanges } from './parameter-changes.js';
import { ParameterVersionsRepository } from './parameter-versions.repository.js';

@Injectable()
export class PackageParametersService {
  constructor(
    private readonly packages: PackagesRepository,
    private readonly versions: PackageVersionsRepository,
    private readonly parameterVersions: ParameterVersionsRepository,
    private readonly transactions: Transactions,
    private readonly parameters: InstanceParameters,
  ) {}

  async get(name: string): Promise<PackageParametersView> {
    const pkg = await this.packageRow(name);
    return this.viewOf(pkg, await this.manifestOf(pkg));
  }

  /**
   * Replaces the values (a parameter left out takes its default): 400 naming each refused field;
   * unchanged values make no new version. `comment`: why, kept with the change.
   */
  async put(name: string, body: unknown, principal: Principal, comment: string | null = null): Promise<PackageParametersView> {
    if (!isPlainObject(body)) throw Invalid.field('body', 'must be a JSON object of parameter values by name');
    const view = await this.transactions.run(async (tx) => {
      const pkg = await this.packageRow(name, tx);
      const manifest = await this.manifestOf(pkg, tx);
      const values: PackageParameters = { ...parameterDefaults(manifest), ...(body as PackageParameters) };
      const issues = validatePackageParameters(manifest, values);
      if (issues.length > 0) throw Invalid.body(issues);
      const current = await this.parameterVersions.get(name, pkg.parameter_version, tx);
      if (!current) throw new Error(`package ${name} has no parameter version ${pkg.parameter_version}`);
      const changes = parameterChanges(current.values, values);
      if (Object.keys(changes.old).length === 0 && Object.keys(changes.new).length === 0) return this.viewOf(pkg, manifest, tx);
      const version = pkg.parameter_version + 1;
      await this.parameterVersions.insert(
        {
          package_name: name,
          version,
          package_version: pkg.active_version,
          values,
          live: liveParameters(manifest).sort(),
          reason: 'update',
          old: changes.old,
          new: changes.new,
          changed_by: principal.username,
          comment,
        },
        tx,
      );
      await this.packages.setParameterVersion(name, version, tx);
      return this.viewOf({ ...pkg, parameter_version: version }, manifest, tx);
    });
    // New instances on this node start with the new values at once (other nodes: see instance-parameters.ts).
    this.parameters.observe(name, view.version);
    return view;
  }

  /** Checks values as `put` does, changing nothing: every issue naming its field (`[]`: `put` would accept them). */
  async validate(name: string, body: unknown): Promise<ValidationIssue[]> {
    if (!isPlainObject(body)) throw Invalid.field('body', 'must be a JSON object of parameter values by name');
    const manifest = await this.manifestOf(await this.packageRow(name));
    return validatePackageParameters(manifest, { ...parameterDefaults(manifest), ...(body as PackageParameters) });
  }

  async history(name: string, paging: Paging): Promise<Page<ParameterChangeView>> {
    await this.packageRow(name);
    const { rows, total } = await this.parameterVersions.history(name, paging);
    return { items: rows.map(parameterChangeOf), total, offset: paging.offset, limit: paging.limit };
  }

  /** The package; in a transaction, locked until it ends (changes of one package's parameters take turns). */
  private async packageRow(name: string, tx?: Queryable): Promise<PackageRow> {
    const pkg = await this.packages.byName(name, tx, tx !== undefined);
    if (!pkg) throw new NotFound(`package ${name} not found`);
    return pkg;
  }

  private async manifestOf(pkg: PackageRow, tx?: Queryable): Promise<PackageManifest> {
    const active = await this.versions.get(pkg.name, pkg.active_version, tx);
    if (!active) throw new Error(`package ${pkg.name} has no version ${pkg.active_version}`);
    return active.manifest as unknown as PackageManifest;
  }

  private async viewOf(pkg: PackageRow, manifest: PackageManifest, tx?: Queryable): Promise<PackageParametersView> {
    const row = await this.parameterVersions.get(pkg.name, pkg.parameter_version, tx);
    if (!row) throw new Error(`package ${pkg.name} has no parameter version ${pkg.parameter_version}`);
    return parametersOf(row, (manifest.parameters as unknown as Record<string, unknown> | undefined) ?? null);
  }
}
