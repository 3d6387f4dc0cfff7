// The rows of the package tables as PostgreSQL returns them (migration 1765000000850).
import type { JsonValue } from '@stageflow/process-package';

export type ParameterValues = Record<string, JsonValue>;

/** `packages`: one per package name. */
export interface PackageRow {
  name: string;
  active_version: string;
  parameter_version: number;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
}

/** `package_versions`: one deployed version of a package (the archive is read on its own). */
export interface PackageVersionRow {
  package_name: string;
  version: string;
  manifest: Record<string, unknown>;
  content_hash: string;
  deployment_id: string;
  deployed: Record<string, unknown>;
  deployed_by: string | null;
  deployed_at: Date;
}

export type ParameterChangeReason = 'deploy' | 'update' | 'rollback';

/** `package_parameter_versions`: the values of a package's parameters from one change on. */
export interface ParameterVersionRow {
  package_name: string;
  version: number;
  package_version: string;
  values: ParameterValues;
  live: string[];
  reason: ParameterChangeReason;
  old: ParameterValues;
  new: ParameterValues;
  changed_by: string | null;
  /** Why, in the words of who changed them (null: none given, a deploy, a rollback). */
  comment: string | null;
  changed_at: Date;
}
