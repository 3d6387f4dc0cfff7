// How a package's parameter values move from one parameter version to the next: carried over to
// a new manifest (a deploy, a rollback) and compared (what a change audits as old and new).
import { isDeepStrictEqual } from 'node:util';
import { parameterDefaults, validatePackageParameters, type PackageManifest, type PackageParameters } from '@stageflow/process-package';

/**
 * The values under `manifest`'s parameters, keeping what `current` holds where the manifest still
 * declares it and the value still satisfies it; the rest take their defaults, and parameters no
 * longer declared are dropped. Without `current` (the package's first version), the defaults.
 */
export function carryOverParameters(manifest: PackageManifest, current: PackageParameters | undefined): PackageParameters {
  const values = parameterDefaults(manifest);
  if (current === undefined) return values;
  for (const name of Object.keys(values)) if (Object.hasOwn(current, name)) values[name] = current[name]!;
  // A kept value the new schema refuses (a narrower range, another type) falls back to its default.
  for (const issue of validatePackageParameters(manifest, values)) {
    const name = topLevelName(issue.path);
    if (name !== undefined && Object.hasOwn(values, name)) values[name] = parameterDefaults(manifest)[name]!;
  }
  return values;
}

/** The parameters that differ: their values before and after (a side without the parameter leaves it out). */
export function parameterChanges(before: PackageParameters, after: PackageParameters): { old: PackageParameters; new: PackageParameters } {
  const changes = { old: {} as PackageParameters, new: {} as PackageParameters };
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const had = Object.hasOwn(before, name);
    const has = Object.hasOwn(after, name);
    if (had && has && isDeepStrictEqual(before[name], after[name])) continue;
    if (had) changes.old[name] = before[name]!;
    if (has) changes.new[name] = after[name]!;
  }
  return changes;
}

/** `firstContactSlaHours` of `firstContactSlaHours`, `stages[2]` or `limits.max`. */
function topLevelName(path: string): string | undefined {
  return /^[A-Za-z][A-Za-z0-9_]*/.exec(path)?.[0];
}
