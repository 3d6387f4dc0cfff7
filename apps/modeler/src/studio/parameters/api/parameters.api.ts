// GET /packages, GET|PUT /packages/{name}/parameters (PUT with ?comment=), POST .../validate, GET .../history.
import type { PackageList, PackageParametersValidationView, PackageParametersView, ParameterChangePage } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';

export const parametersKeys = {
  all: ['parameters'] as const,
  packages: () => [...parametersKeys.all, 'packages'] as const,
  current: (name: string) => [...parametersKeys.all, name, 'current'] as const,
  history: (name: string) => [...parametersKeys.all, name, 'history'] as const,
};

const at = (name: string) => `/packages/${encodeURIComponent(name)}/parameters`;

export const packagesQuery = queryOptions({ queryKey: parametersKeys.packages(), queryFn: () => apiFetch<PackageList>('/packages') });

export const parametersQuery = (name: string) =>
  queryOptions({ queryKey: parametersKeys.current(name), queryFn: () => apiFetch<PackageParametersView>(at(name)) });

export const parameterHistoryQuery = (name: string) =>
  queryOptions({ queryKey: parametersKeys.history(name), queryFn: () => apiFetch<ParameterChangePage>(`${at(name)}/history?limit=100`) });

export function validateParameters(name: string, values: Record<string, unknown>): Promise<PackageParametersValidationView> {
  return apiFetch<PackageParametersValidationView>(`${at(name)}/validate`, { json: values });
}

export function saveParameters(name: string, values: Record<string, unknown>, comment: string): Promise<PackageParametersView> {
  const query = comment.trim() === '' ? '' : `?${new URLSearchParams({ comment: comment.trim() }).toString()}`;
  return apiFetch<PackageParametersView>(`${at(name)}${query}`, { method: 'PUT', json: values });
}
