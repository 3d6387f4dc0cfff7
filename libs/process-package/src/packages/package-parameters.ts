// A package's parameters: the manifest declares them as a JSON Schema of an object whose every
// property has a default (valid against its own schema) and a description; `live` marks those a
// running instance sees change. Values given later (PUT /packages/{name}/parameters) are checked
// against the same schema, with only declared names accepted.
import type { SchemaObject, ValidateFunction } from 'ajv';
import { appendKey } from '../validation/issue-path.js';
import { compileDeployedSchema, deployedSchemaProblem } from '../validation/deployed-schema-compiler.js';
import { schemaDocumentIssues } from '../validation/schema-document.js';
import { validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { packageLimits } from './package-limits.js';
import type { PackageManifest, PackageParameters, ParameterSchema } from './package.types.js';

/** A parameter name: usable as `params.<name>` in FEEL and liquid. */
export const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

const ROOT_KEYWORDS = new Set(['$schema', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of the manifest's `parameters` (paths below `parameters`); `[]` when it is valid. */
export function parameterSchemaIssues(value: unknown): ValidationIssue[] {
  const root = 'parameters';
  if (!isObject(value)) return [{ path: root, message: 'must be a JSON Schema object' }];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(value)) if (!ROOT_KEYWORDS.has(key)) issues.push({ path: appendKey(root, key), message: 'is not allowed' });
  if (value.type !== 'object') issues.push({ path: `${root}.type`, message: 'must be "object": the parameters are the properties of one object' });
  if (value.additionalProperties !== undefined && value.additionalProperties !== false)
    issues.push({ path: `${root}.additionalProperties`, message: 'must be false or absent: only declared parameters are accepted' });
  const properties = value.properties;
  if (!isObject(properties)) {
    issues.push({ path: `${root}.properties`, message: 'is required: an object of the parameters by name' });
    return issues;
  }
  const names = Object.keys(properties);
  if (names.length > packageLimits.maxParameters)
    issues.push({ path: `${root}.properties`, message: `must have at most ${packageLimits.maxParameters} parameters` });
  for (const name of names) issues.push(...propertyIssues(name, properties[name], appendKey(`${root}.properties`, name)));
  if (value.required !== undefined) {
    if (!Array.isArray(value.required)) issues.push({ path: `${root}.required`, message: 'must be an array of parameter names' });
    else
      value.required.forEach((name: unknown, index) => {
        if (typeof name !== 'string' || !names.includes(name))
          issues.push({ path: `${root}.required[${index}]`, message: `must name a parameter of properties (${JSON.stringify(name)} is none)` });
      });
  }
  issues.push(...schemaDocumentIssues(value, root));
  if (issues.length === 0) {
    const problem = deployedSchemaProblem(closed(value as unknown as ParameterSchema));
    if (problem !== undefined) issues.push({ path: root, message: `is not a valid JSON Schema (${problem})` });
  }
  return issues;
}

function propertyIssues(name: string, property: unknown, path: string): ValidationIssue[] {
  if (!PARAMETER_NAME.test(name)) return [{ path, message: 'name must start with a letter and hold only letters, digits and _ (at most 63 characters)' }];
  if (!isObject(property)) return [{ path, message: 'must be an object (the JSON Schema of the parameter)' }];
  const issues: ValidationIssue[] = [];
  if (typeof property.description !== 'string' || property.description.trim() === '')
    issues.push({ path: `${path}.description`, message: 'is required: say what the parameter changes' });
  if (property.title !== undefined && typeof property.title !== 'string') issues.push({ path: `${path}.title`, message: 'must be a string' });
  if (property.live !== undefined && typeof property.live !== 'boolean') issues.push({ path: `${path}.live`, message: 'must be true or false' });
  if (!Object.hasOwn(property, 'default')) {
    issues.push({ path: `${path}.default`, message: 'is required: the value the parameter has until it is set' });
    return issues;
  }
  if (issues.length > 0 || schemaDocumentIssues(property).length > 0) return issues;
  let validator: ValidateFunction;
  try {
    validator = compileDeployedSchema(property);
  } catch (error) {
    return [{ path, message: `is not a valid JSON Schema (${error instanceof Error ? error.message : String(error)})` }];
  }
  for (const issue of validateWith(validator, property.default, `${path}.default`))
    issues.push({ path: issue.path, message: `does not match the parameter's schema: ${issue.message}` });
  return issues;
}

/** The schema as values are checked against: only declared names (additionalProperties false), `$schema` left out. */
function closed(schema: ParameterSchema): SchemaObject {
  const { $schema: _ignored, ...rest } = schema;
  return { ...rest, additionalProperties: false };
}

const validators = new WeakMap<ParameterSchema, ValidateFunction>();

/**
 * Every issue of `values` as the package's parameters, each naming the field (`firstContactSlaHours
 * must be >= 1`, `unknownName is not a parameter of the package`); `[]` when they are valid.
 * The manifest must be one validatePackage accepted.
 */
export function validatePackageParameters(manifest: PackageManifest, values: PackageParameters): ValidationIssue[] {
  if (!isObject(values)) return [{ path: '', message: 'must be an object of parameter values by name' }];
  const schema = manifest.parameters;
  if (schema === undefined)
    return Object.keys(values).map((name) => ({ path: appendKey('', name), message: `is not a parameter of package "${manifest.name}" (it declares none)` }));
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = compileDeployedSchema(closed(schema));
    validators.set(schema, validator);
  }
  const declared = new Set(Object.keys(schema.properties));
  const unknown = Object.keys(values)
    .filter((name) => !declared.has(name))
    .map((name) => ({ path: appendKey('', name), message: `is not a parameter of package "${manifest.name}"` }));
  const unknownPaths = new Set(unknown.map((issue) => issue.path));
  return [...unknown, ...validateWith(validator, values).filter((issue) => !(issue.message === 'is not allowed' && unknownPaths.has(issue.path)))];
}

/** The defaults of the declared parameters, by name (copies: changing them changes no manifest). */
export function parameterDefaults(manifest: PackageManifest): PackageParameters {
  const properties = manifest.parameters?.properties ?? {};
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, structuredClone(property.default)]));
}

/** The names of the parameters declared `live: true`. */
export function liveParameters(manifest: PackageManifest): string[] {
  return Object.entries(manifest.parameters?.properties ?? {}).flatMap(([name, property]) => (property.live === true ? [name] : []));
}
