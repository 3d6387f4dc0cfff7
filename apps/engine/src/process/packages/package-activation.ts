// What makes a package version the active one, inside the transaction that deployed its resources
// (a deploy, a rollback): the package row (created with the first version), its parameters carried
// over to the version's schema (a new parameter version when they or the live set change), its
// definitions claimed for it (their instances get its parameters), and its record types applied
// through the CRM's port.
import { Injectable } from '@nestjs/common';
import type { PackageManifest } from '@stageflow/process-package';
import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from '../../platform/database/queryable.js';
import type { DeploymentResult } from '../deployments/deployments.service.js';
import type { ParameterChangeReason } from './package.row.js';
import { PackageDefinitionsRepository } from './package-definitions.repository.js';
import { PackagesRepository } from './packages.repository.js';
import { carryOverParameters, parameterChanges } from './parameter-changes.js';
import { ParameterVersionsRepository } from './parameter-versions.repository.js';
import { RecordTypeProcesses } from './record-type-processes.js';

export interface Activation {
  manifest: PackageManifest;
  liveParameters: readonly string[];
  deployment: DeploymentResult;
  reason: Exclude<ParameterChangeReason, 'update'>;
  by: string;
}

@Injectable()
export class PackageActivation {
  constructor(
    private readonly packages: PackagesRepository,
    private readonly parameterVersions: ParameterVersionsRepository,
    private readonly definitions: PackageDefinitionsRepository,
    private readonly recordTypes: RecordTypeProcesses,
  ) {}

  /** Activates the version on `tx`; answers the package's parameter version after it. */
  async activate({ manifest, liveParameters, deployment, reason, by }: Activation, tx: Queryable): Promise<number> {
    const { name, version } = manifest;
    const live = [...liveParameters].sort();
    const row = await this.packages.byName(name, tx, true);
    const current = row ? await this.parameterVersions.get(name, row.parameter_version, tx) : undefined;
    const values = carryOverParameters(manifest, current?.values);
    let parameterVersion = row?.parameter_version ?? 1;
    if (!row) await this.packages.insert({ name, active_version: version, parameter_version: parameterVersion, updated_by: by }, tx);
    else await this.packages.activate(name, version, by, tx);
    const changes = parameterChanges(current?.values ?? {}, values);
    const changed = Object.keys(changes.old).length > 0 || Object.keys(changes.new).length > 0 || !isDeepStrictEqual(current?.live, live);
    if (!current || changed) {
      if (current) parameterVersion = current.version + 1;
      await this.parameterVersions.insert(
        {
          package_name: name,
          version: parameterVersion,
          package_version: version,
          values,
          live,
          reason,
          old: changes.old,
          new: changes.new,
          changed_by: by,
          comment: null,
        },
        tx,
      );
      if (row) await this.packages.setParameterVersion(name, parameterVersion, tx);
    }
    await this.definitions.claim(
      name,
      deployment.processDefinitions.map((definition) => definition.id),
      tx,
    );
    const processes = Object.fromEntries(Object.entries(manifest.recordTypes ?? {}).map(([type, declared]) => [type, declared.process]));
    await this.recordTypes.apply(processes, by, tx);
    return parameterVersion;
  }
}
