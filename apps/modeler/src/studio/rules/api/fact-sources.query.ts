// What the field pickers know besides the rule set's own facts: the custom-field schemas of the
// record types (GET /custom-fields/{type}) and every package's parameter schema
// (GET /packages, GET /packages/{name}/parameters).
import type { PackageList, PackageParametersView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { knownPaths } from '../builder/known-paths';
import { rulesKeys } from './rules-keys';

const RECORD_TYPES = ['lead', 'opportunity', 'organization', 'contact'] as const;

async function loadKnownPaths() {
  const [customFields, packages] = await Promise.all([
    Promise.all(RECORD_TYPES.map((type) => apiFetch<{ schema: unknown }>(`/custom-fields/${type}`))),
    apiFetch<PackageList>('/packages'),
  ]);
  const parameters = await Promise.all(packages.items.map((pkg) => apiFetch<PackageParametersView>(`/packages/${encodeURIComponent(pkg.name)}/parameters`)));
  return knownPaths(
    customFields.map((view) => view.schema),
    parameters.map((view) => view.schema),
  );
}

export const factSourcesQuery = queryOptions({ queryKey: rulesKeys.factSources(), queryFn: loadKnownPaths, staleTime: 60_000 });
