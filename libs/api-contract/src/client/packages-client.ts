// The client's methods for process packages (/api/v1/packages): deploy a zip, read packages and
// their versions, download a version's archive, roll back, read and change the parameters.
import type {
  PackageDeployedView,
  PackageList,
  PackageParametersRequest,
  PackageParametersView,
  PackageRollbackRequest,
  PackageRollbackView,
  PackageVersionList,
  PackageVersionView,
  PackageView,
  ParameterChangePage,
} from '../resources/packages.contract.js';
import { queryString, type ApiRequest } from './api-request.js';
import type { Paging } from './stageflow-client.js';

export interface PackagesClient {
  /** Deploys a package zip (`application/zip`) in one transaction: `created: false` when this version was deployed with the same content before. */
  deploy(zip: Uint8Array): Promise<PackageDeployedView>;
  list(): Promise<PackageList>;
  /** A package with its active version and its versions. */
  get(name: string): Promise<PackageView>;
  versions(name: string): Promise<PackageVersionList>;
  /** A version with its manifest and what it deployed. */
  version(name: string, version: string): Promise<PackageVersionView>;
  /** The zip of a deployed version, byte for byte as it was deployed. */
  archive(name: string, version: string): Promise<Uint8Array>;
  /** Re-activates an earlier version; 409 naming the running instances it would orphan unless `force`. */
  rollback(name: string, request: PackageRollbackRequest): Promise<PackageRollbackView>;
  parameters(name: string): Promise<PackageParametersView>;
  /**
   * Replaces the parameter values (a parameter left out takes its default); the engine checks them
   * against the manifest's schema. `comment`: why, kept with the change in the history.
   */
  setParameters(name: string, values: PackageParametersRequest, comment?: string): Promise<PackageParametersView>;
  /** Every change of the parameters, newest first. */
  parameterHistory(name: string, paging?: Paging): Promise<ParameterChangePage>;
}

const segment = encodeURIComponent;

export function createPackagesClient(call: ApiRequest): PackagesClient {
  const versionPath = (name: string, version: string): string => `/packages/${segment(name)}/versions/${segment(version)}`;
  return {
    deploy: (zip) => call('POST', '/packages', { bytes: zip, type: 'application/zip' }),
    list: () => call('GET', '/packages'),
    get: (name) => call('GET', `/packages/${segment(name)}`),
    versions: (name) => call('GET', `/packages/${segment(name)}/versions`),
    version: (name, version) => call('GET', versionPath(name, version)),
    archive: (name, version) => call('GET', `${versionPath(name, version)}/archive`, undefined, 'bytes'),
    rollback: (name, request) => call('POST', `/packages/${segment(name)}/rollback`, { json: request }),
    parameters: (name) => call('GET', `/packages/${segment(name)}/parameters`),
    setParameters: (name, values, comment) =>
      call('PUT', `/packages/${segment(name)}/parameters${comment === undefined ? '' : `?${new URLSearchParams({ comment }).toString()}`}`, { json: values }),
    parameterHistory: (name, paging) => call('GET', `/packages/${segment(name)}/parameters/history${queryString(paging)}`),
  };
}
