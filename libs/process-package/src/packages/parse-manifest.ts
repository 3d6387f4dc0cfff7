// manifest.json read and checked on its own: JSON, the manifest schema, a semver version without
// build metadata, the parameters' schema (parameterSchemaIssues). Problems name the JSON path.
// What the manifest says about the other files (resources, recordTypes) is checked with them in
// validatePackage.
import semver from 'semver';
import { compileLooseSchema } from '../validation/schema-compiler.js';
import { validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { packageManifestSchema } from './package-manifest.schema.js';
import { parameterSchemaIssues } from './package-parameters.js';
import type { PackageManifest } from './package.types.js';
import { readJsonResource } from '../validation/read-json-resource.js';

export type ManifestParse = { ok: true; manifest: PackageManifest } | { ok: false; problems: ValidationIssue[] };

const manifestValidator = compileLooseSchema<PackageManifest>(packageManifestSchema);

/** Why `version` is not a package version, or undefined: semver, no build metadata. */
export function packageVersionProblem(version: string): string | undefined {
  const parsed = semver.parse(version);
  if (parsed !== null && parsed.build.length > 0) return 'must not have build metadata (+...): two builds of one version would be one version';
  // semver.parse also reads "v1.2.0" and " 1.2.0 ": only the plain form is a package version.
  if (parsed === null || parsed.version !== version) return `must be a semantic version such as 1.2.0 ("${version}" is not)`;
  return undefined;
}

/** Orders package versions by semver precedence: < 0 when `a` is older than `b`. */
export function comparePackageVersions(a: string, b: string): number {
  return semver.compare(a, b);
}

/** Every problem of a manifest document; `[]` when it is valid on its own. */
export function validateManifest(value: unknown): ValidationIssue[] {
  const issues = validateWith(manifestValidator, value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return issues;
  const { version, parameters } = value as Record<string, unknown>;
  if (typeof version === 'string' && !issues.some((issue) => issue.path === 'version')) {
    const problem = packageVersionProblem(version);
    if (problem !== undefined) issues.push({ path: 'version', message: problem });
  }
  if (parameters !== undefined && !issues.some((issue) => issue.path === 'parameters')) issues.push(...parameterSchemaIssues(parameters));
  return issues;
}

/** Parses the text of manifest.json and checks it. */
export function parseManifest(text: string): ManifestParse {
  const read = readJsonResource(text);
  if (!read.ok) return read;
  const value = read.value;
  const problems = validateManifest(value);
  return problems.length === 0 ? { ok: true, manifest: value as PackageManifest } : { ok: false, problems };
}
