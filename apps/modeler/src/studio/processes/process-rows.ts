// The process list's rows: one per process key with its versions, each version with its running
// instances and the package version that deployed it (matched by deployment), newest first.
import type { PackageView, ProcessDefinitionStatisticsView, ProcessDefinitionView } from '@stageflow/api-contract';

export interface DeployedWith {
  packageName: string;
  packageVersion: string;
  deployedBy: string | null;
  deployedAt: string;
}

export interface ProcessVersionRow {
  id: string;
  version: number;
  name: string | null;
  resourceName: string;
  createdAt: string;
  runningInstances: number;
  instancesWithIncident: number;
  /** The package version whose deployment created this version; undefined for a diagram deployed on its own. */
  deployedWith: DeployedWith | undefined;
  /** Who deployed it: the deploying user, else the package version's deployer (`engine` at start-up); null when unknown. */
  deployedBy: string | null;
}

export interface ProcessRow {
  key: string;
  /** The latest version's name, else the key. */
  name: string;
  latest: ProcessVersionRow;
  versions: ProcessVersionRow[];
  runningInstances: number;
  instancesWithIncident: number;
}

export function processRows(
  definitions: readonly ProcessDefinitionView[],
  statistics: readonly ProcessDefinitionStatisticsView[],
  packages: readonly PackageView[],
): ProcessRow[] {
  const countsById = new Map(statistics.map((item) => [item.id, item]));
  const byDeployment = new Map<string, DeployedWith>();
  // A deployment id can stand for several package versions (an unchanged redeploy keeps the earlier
  // deployment): the one that made it is the earliest.
  const versions = packages.flatMap((pkg) => pkg.versions).sort((a, b) => a.deployedAt.localeCompare(b.deployedAt));
  for (const version of versions) {
    if (!byDeployment.has(version.deploymentId))
      byDeployment.set(version.deploymentId, {
        packageName: version.name,
        packageVersion: version.version,
        deployedBy: version.deployedBy,
        deployedAt: version.deployedAt,
      });
  }
  const byKey = new Map<string, ProcessVersionRow[]>();
  for (const definition of definitions) {
    const counts = countsById.get(definition.id);
    const row: ProcessVersionRow = {
      id: definition.id,
      version: definition.version,
      name: definition.name,
      resourceName: definition.resourceName,
      createdAt: definition.createdAt,
      runningInstances: counts?.runningInstances ?? 0,
      instancesWithIncident: counts?.instancesWithIncident ?? 0,
      deployedWith: byDeployment.get(definition.deploymentId),
      deployedBy: definition.deployedBy ?? byDeployment.get(definition.deploymentId)?.deployedBy ?? null,
    };
    byKey.set(definition.key, [...(byKey.get(definition.key) ?? []), row]);
  }
  return [...byKey.entries()]
    .map(([key, rows]) => {
      const sorted = rows.sort((a, b) => b.version - a.version);
      const latest = sorted[0]!;
      return {
        key,
        name: latest.name ?? key,
        latest,
        versions: sorted,
        runningInstances: sorted.reduce((sum, row) => sum + row.runningInstances, 0),
        instancesWithIncident: sorted.reduce((sum, row) => sum + row.instancesWithIncident, 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
