// The client's methods for process packages (/api/v1/packages): deploy a zip, read packages and
// their versions, download a version's archive, roll back, read and change the parameters.
import type { ApiRequest } from './api-request.js';

// PROVISIONAL: the views as agreed in the package format (issue 12), until the packages contract
// of the engine lands in resources/packages.contract.ts.
export type PackageParameterValues = Record<string, unknown>;

/** The answer of a deploy: 201 a new version, 200 with `created: false` for the same version with the same content. */
export interface PackageDeployedView {
  name: string;
  version: string;
  created: boolean;
}

export interface PackageSummaryView {
  name: string;
  version: string;
}

export interface PackageParametersView {
  name: string;
  values: PackageParameterValues;
}

export interface PackagesClient {
  /** Deploys a package zip (`application/zip`) in one transaction. */
  deploy(zip: Uint8Array): Promise<PackageDeployedView>;
  get(name: string): Promise<PackageSummaryView>;
  /** The zip of a deployed version, byte for byte as it was deployed. */
  archive(name: string, version: string): Promise<Uint8Array>;
  parameters(name: string): Promise<PackageParametersView>;
  /** Changes parameters without a redeploy; the engine checks them against the manifest's schema. */
  setParameters(name: string, values: PackageParameterValues): Promise<PackageParametersView>;
}

const segment = encodeURIComponent;

export function createPackagesClient(call: ApiRequest): PackagesClient {
  return {
    deploy: (zip) => call('POST', '/packages', { bytes: zip, type: 'application/zip' }),
    get: (name) => call('GET', `/packages/${segment(name)}`),
    archive: (name, version) => call('GET', `/packages/${segment(name)}/versions/${segment(version)}/archive`, undefined, 'bytes'),
    parameters: (name) => call('GET', `/packages/${segment(name)}/parameters`),
    setParameters: (name, values) => call('PUT', `/packages/${segment(name)}/parameters`, { json: values }),
  };
}
