// The types of a process package (issue 12; format in docs/packages.md): a folder or its zip with
// `manifest.json` at its root and the resources it lists beside it.
import type { DeploymentResource } from '../deployment/deployment-resources.js';
import type { JsonValue } from '../variables/json-value.js';

/** One file of a package: its path inside the package (`/` between folders) and its bytes. */
export interface PackageFile {
  path: string;
  content: Uint8Array;
}

/** The record types whose records start a process of a package when they are created. */
export type PackageRecordType = 'lead' | 'opportunity' | 'organization';

/** One parameter as the manifest declares it: a JSON Schema with a default and a description. */
export interface ParameterProperty {
  description: string;
  default: JsonValue;
  title?: string;
  /** A running instance sees changes of a live parameter; otherwise it keeps the values it started with. */
  live?: boolean;
  [keyword: string]: unknown;
}

/** The manifest's `parameters`: a JSON Schema (draft 2020-12) of an object. */
export interface ParameterSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type: 'object';
  properties: Record<string, ParameterProperty>;
  required?: string[];
  additionalProperties?: boolean;
}

/** `manifest.json`. */
export interface PackageManifest {
  $schema?: string;
  name: string;
  version: string;
  description?: string;
  parameters?: ParameterSchema;
  recordTypes?: Partial<Record<PackageRecordType, { process: string }>>;
  /** Every file of the package except manifest.json, exactly once. */
  resources: string[];
}

/** Parameter values by name. */
export type PackageParameters = Record<string, JsonValue>;

/** A package that passed validatePackage. */
export interface ValidatedPackage {
  manifest: PackageManifest;
  /** The resources as a deployment takes them: `name` is the path in the package, `content` its text. */
  resources: DeploymentResource[];
  /** The parameters' defaults. */
  parameterDefaults: PackageParameters;
  /** The names of the live parameters. */
  liveParameters: string[];
}
