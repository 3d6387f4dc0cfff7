// GET /packages and GET /packages/{name}: the deployed packages with every version, who deployed it and when.
import type { ItemList, PackageSummaryView, PackageView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { processesKeys } from './processes-keys';

/** Every package with its versions (one request for the list, then one per package: packages are few). */
export async function fetchPackagesWithVersions(): Promise<PackageView[]> {
  const list = await apiFetch<ItemList<PackageSummaryView>>('/packages');
  return Promise.all(list.items.map((item) => apiFetch<PackageView>(`/packages/${encodeURIComponent(item.name)}`)));
}

export const packagesQuery = queryOptions({ queryKey: processesKeys.packages(), queryFn: fetchPackagesWithVersions });
