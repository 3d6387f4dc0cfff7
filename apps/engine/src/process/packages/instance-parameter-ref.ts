// How a read of process_instances names an instance's parameters (InstanceParameterRef): the
// package and parameter version of its start, and the package's current parameter version.
import type { InstanceParameterRef } from './instance-parameters.js';

/** The columns (of `process_instances i`) a read adds to name the instance's parameters. */
export const PARAMETER_REF_COLUMNS =
  'i.package_name, i.parameter_version, (SELECT p.parameter_version FROM packages p WHERE p.name = i.package_name) AS current_parameter_version';

/** What PARAMETER_REF_COLUMNS reads. */
export interface ParameterRefColumns {
  package_name: string | null;
  parameter_version: number | null;
  current_parameter_version: number | null;
}

export function parameterRefOf(row: ParameterRefColumns): InstanceParameterRef | null {
  if (row.package_name === null || row.parameter_version === null) return null;
  return {
    packageName: row.package_name,
    startVersion: row.parameter_version,
    ...(row.current_parameter_version === null ? {} : { currentVersion: row.current_parameter_version }),
  };
}
