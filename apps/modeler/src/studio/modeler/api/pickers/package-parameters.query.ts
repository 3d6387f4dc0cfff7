// The parameters of the package a process belongs to: GET /packages, the active version of each
// (GET /packages/{name}/versions/{version}) to find the one that deployed the process, then its
// GET /packages/{name}/parameters. A process deployed outside any package has none ([]).
import type { ItemList, PackageParametersView, PackageSummaryView, PackageVersionView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import type { PickedParameter } from '../../properties';
import { modelerKeys } from '../modeler-keys';

async function packageOf(processKey: string): Promise<string | undefined> {
  const packages = await apiFetch<ItemList<PackageSummaryView>>('/packages');
  for (const summary of packages.items) {
    const version = await apiFetch<PackageVersionView>(`/packages/${encodeURIComponent(summary.name)}/versions/${encodeURIComponent(summary.activeVersion)}`);
    if ((version.deployed.processDefinitions ?? []).some((definition) => definition.key === processKey)) return summary.name;
  }
  return undefined;
}

export async function fetchParameterPicks(processKey: string): Promise<PickedParameter[]> {
  const name = await packageOf(processKey);
  if (name === undefined) return [];
  const parameters = await apiFetch<PackageParametersView>(`/packages/${encodeURIComponent(name)}/parameters`);
  const declared = Object.keys((parameters.schema?.properties as Record<string, unknown> | undefined) ?? parameters.values);
  return declared.sort().map((parameter) => ({ name: parameter, value: JSON.stringify(parameters.values[parameter] ?? null) }));
}

export function parameterPicksQuery(processKey: string) {
  return queryOptions({ queryKey: modelerKeys.parameters(processKey), queryFn: () => fetchParameterPicks(processKey) });
}
