// The package rows as the API shows them (libs/api-contract packages.contract.ts).
import type {
  DeployedResources,
  PackageParametersView,
  PackageSummaryView,
  PackageVersionSummaryView,
  PackageVersionView,
  ParameterChangeView,
} from '@stageflow/api-contract';
import type { PackageRow, PackageVersionRow, ParameterVersionRow } from './package.row.js';

export function packageSummaryOf(row: PackageRow, active: PackageVersionRow | undefined): PackageSummaryView {
  return {
    name: row.name,
    activeVersion: row.active_version,
    description: descriptionOf(active),
    parameterVersion: row.parameter_version,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function versionSummaryOf(row: PackageVersionRow, activeVersion: string): PackageVersionSummaryView {
  return {
    name: row.package_name,
    version: row.version,
    description: descriptionOf(row),
    active: row.version === activeVersion,
    contentHash: row.content_hash,
    deploymentId: row.deployment_id,
    deployedBy: row.deployed_by,
    deployedAt: row.deployed_at.toISOString(),
  };
}

export function versionOf(row: PackageVersionRow, activeVersion: string): PackageVersionView {
  return { ...versionSummaryOf(row, activeVersion), manifest: row.manifest, deployed: row.deployed as DeployedResources };
}

export function parametersOf(row: ParameterVersionRow, schema: Record<string, unknown> | null): PackageParametersView {
  return {
    name: row.package_name,
    version: row.version,
    packageVersion: row.package_version,
    values: row.values,
    live: row.live,
    schema,
    changedBy: row.changed_by,
    changedAt: row.changed_at.toISOString(),
  };
}

export function parameterChangeOf(row: ParameterVersionRow): ParameterChangeView {
  return {
    version: row.version,
    packageVersion: row.package_version,
    reason: row.reason,
    old: row.old,
    new: row.new,
    changedBy: row.changed_by,
    comment: row.comment,
    changedAt: row.changed_at.toISOString(),
  };
}

function descriptionOf(row: PackageVersionRow | undefined): string | null {
  const description = row?.manifest.description;
  return typeof description === 'string' ? description : null;
}
