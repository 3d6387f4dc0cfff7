// /api/v1/packages: process packages (a manifest with its diagrams, rule sets, templates, forms...)
// deployed as a zip, their versions, rollback, and their parameters with their audited history.
import {
  anyObject,
  apiSchemaId,
  array,
  boolean,
  described,
  instant,
  integer,
  list,
  named,
  nullable,
  object,
  optional,
  page,
  ref,
  string,
  stringEnum,
  uuid,
  type ItemList,
  type Page,
} from '../schemas/json-schema.js';
import type { DeployedVersion } from './deployments.contract.js';

/** A package as GET /packages lists it. */
export interface PackageSummaryView {
  name: string;
  /** The version whose resources are the latest: deployed last, or rolled back to. */
  activeVersion: string;
  description: string | null;
  /** The package's current parameter version. */
  parameterVersion: number;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
}

/** One deployed version of a package, without its manifest and contents. */
export interface PackageVersionSummaryView {
  /** The package's name. */
  name: string;
  version: string;
  description: string | null;
  /** True for the package's active version. */
  active: boolean;
  /** SHA-256 (hex) of the package's files: the same version deployed again with other content is refused. */
  contentHash: string;
  /** The deployment holding its resources (an earlier one when every resource was deployed unchanged before). */
  deploymentId: string;
  deployedBy: string | null;
  deployedAt: string;
}

/** What a package version deployed, by resource kind (processDefinitions, ruleSets, actionTemplates, contactPlans, templates, customFields, ...). */
export type DeployedResources = Record<string, DeployedVersion[]>;

export interface PackageVersionView extends PackageVersionSummaryView {
  /** The version's manifest.json. */
  manifest: Record<string, unknown>;
  deployed: DeployedResources;
}

/** The answer of POST /packages: the version, and whether this call deployed it (false: it was deployed with identical content before). */
export interface PackageDeployedView extends PackageVersionView {
  created: boolean;
}

export interface PackageView extends PackageSummaryView {
  versions: PackageVersionSummaryView[];
}

/** A running instance a rollback would leave on a process the version rolled back to does not have. */
export interface OrphanedInstanceView {
  processInstanceId: string;
  definitionKey: string;
  definitionVersion: number;
}

export interface PackageRollbackRequest {
  version: string;
  /** Roll back even though running instances would be orphaned. */
  force?: boolean;
}

export interface PackageRollbackView extends PackageVersionView {
  /** The running instances left on processes the active version does not have (only with `force`). */
  orphaned: OrphanedInstanceView[];
}

/** A package's parameter values now. */
export interface PackageParametersView {
  /** The package's name. */
  name: string;
  /** The parameter version: each change makes a new one. */
  version: number;
  /** The package version whose parameter schema the values satisfy. */
  packageVersion: string;
  values: Record<string, unknown>;
  /** The parameters running instances read current; the others keep the values of their start. */
  live: string[];
  /** The parameters' JSON Schema (the active version's manifest `parameters`), or null without parameters. */
  schema: Record<string, unknown> | null;
  changedBy: string | null;
  changedAt: string;
}

/** The body of PUT /packages/{name}/parameters: every parameter's value (a parameter left out takes its default). */
export type PackageParametersRequest = Record<string, unknown>;

/** The answer of POST /packages/{name}/parameters/validate: what PUT would refuse, each naming its field; none when it would accept the values. */
export interface PackageParametersValidationView {
  issues: Array<{ path: string; message: string }>;
}

export type ParameterChangeReason = 'deploy' | 'update' | 'rollback';

/** One change of a package's parameters: which, from what, to what, by whom. */
export interface ParameterChangeView {
  version: number;
  packageVersion: string;
  reason: ParameterChangeReason;
  /** The changed parameters' values before (a parameter absent here was not declared before). */
  old: Record<string, unknown>;
  /** The changed parameters' values after (absent: no longer declared). */
  new: Record<string, unknown>;
  changedBy: string | null;
  /** Why, in the words of who changed them (`PUT .../parameters?comment=`); null when none was given, for deploys and rollbacks. */
  comment: string | null;
  changedAt: string;
}

export type PackageList = ItemList<PackageSummaryView>;
export type PackageVersionList = ItemList<PackageVersionSummaryView>;
export type ParameterChangePage = Page<ParameterChangeView>;

const deployedVersion = object<DeployedVersion>({ id: uuid, key: string, version: integer, name: nullable(string) });

const summaryProperties = {
  name: string,
  activeVersion: described(string, 'The version whose resources are the latest: deployed last, or rolled back to.'),
  description: nullable(string),
  parameterVersion: described(integer, "The package's current parameter version."),
  createdAt: instant,
  updatedBy: nullable(string),
  updatedAt: instant,
};

export const packageSummarySchema = named<PackageSummaryView>('package-summary', summaryProperties);

const versionSummaryProperties = {
  name: string,
  version: string,
  description: nullable(string),
  active: described(boolean, "True for the package's active version."),
  contentHash: described(string, "SHA-256 (hex) of the package's files."),
  deploymentId: described(uuid, 'The deployment holding its resources.'),
  deployedBy: nullable(string),
  deployedAt: instant,
};

export const packageVersionSummarySchema = named<PackageVersionSummaryView>('package-version-summary', versionSummaryProperties);

const deployedResources = described(
  { type: 'object', additionalProperties: array(deployedVersion) },
  'What the version deployed, by resource kind: processDefinitions, ruleSets, actionTemplates, contactPlans, templates, customFields, ...',
);

const versionProperties = { ...versionSummaryProperties, manifest: described(anyObject, "The version's manifest.json."), deployed: deployedResources };

export const packageVersionSchema = named<PackageVersionView>('package-version', versionProperties);

export const packageDeployedSchema = named<PackageDeployedView>('package-deployed', {
  ...versionProperties,
  created: described(boolean, 'False: this version was deployed with identical content before, and nothing changed.'),
});

export const packageSchema = named<PackageView>('package', { ...summaryProperties, versions: array(ref(packageVersionSummarySchema)) });

export const packageListSchema = list('package-list', packageSummarySchema);
export const packageVersionListSchema = list('package-version-list', packageVersionSummarySchema);

const orphanedInstance = object<OrphanedInstanceView>({ processInstanceId: uuid, definitionKey: string, definitionVersion: integer });

export const packageRollbackRequestSchema = named<PackageRollbackRequest>('package-rollback-request', {
  version: { type: 'string', minLength: 1, maxLength: 100 },
  force: optional(described(boolean, 'Roll back even though running instances would be orphaned (see docs/packages.md).')),
});

export const packageRollbackSchema = named<PackageRollbackView>('package-rollback', {
  ...versionProperties,
  orphaned: array(orphanedInstance, { description: 'Running instances left on processes the active version does not have (only with force).' }),
});

export const packageParametersSchema = named<PackageParametersView>('package-parameters', {
  name: string,
  version: described(integer, 'The parameter version: each change makes a new one.'),
  packageVersion: described(string, 'The package version whose parameter schema the values satisfy.'),
  values: anyObject,
  live: array(string, { description: 'The parameters running instances read current; the others keep the values of their start.' }),
  schema: nullable(described(anyObject, "The parameters' JSON Schema (the active version's manifest parameters).")),
  changedBy: nullable(string),
  changedAt: instant,
});

export const packageParametersRequestSchema = {
  ...anyObject,
  $id: apiSchemaId('package-parameters-request'),
  description: "Every parameter's value by name, checked against the manifest's parameter schema; a parameter left out takes its default.",
} as const;

export const parameterChangeSchema = named<ParameterChangeView>('parameter-change', {
  version: integer,
  packageVersion: string,
  reason: stringEnum(['deploy', 'update', 'rollback'] as const),
  old: described(anyObject, "The changed parameters' values before."),
  new: described(anyObject, "The changed parameters' values after."),
  changedBy: nullable(string),
  comment: nullable(described(string, 'Why, in the words of who changed them (PUT .../parameters?comment=); null when none was given.')),
  changedAt: instant,
});

export const parameterChangePageSchema = page('parameter-change-page', parameterChangeSchema);

export const packageParametersValidationSchema = named<PackageParametersValidationView>('package-parameters-validation', {
  issues: array(object<{ path: string; message: string }>({ path: string, message: string }), {
    description: 'What PUT /packages/{name}/parameters would refuse, each naming its field (e.g. slaHours, stages[2]); empty when it would accept the values.',
  }),
});
