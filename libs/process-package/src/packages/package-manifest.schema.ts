// The JSON Schema of manifest.json. `version` is checked as semver and `parameters` as a JSON
// Schema in code (parse-manifest.ts): their rules do not fit a schema keyword.
import type { SchemaObject } from 'ajv';
import { packageLimits } from './package-limits.js';

export const PACKAGE_NAME_PATTERN = '^[a-z][a-z0-9-]{1,49}$';

const recordTypeStart = {
  type: 'object',
  properties: { process: { type: 'string', minLength: 1, maxLength: 255, description: 'A process id of a diagram of the package.' } },
  required: ['process'],
  additionalProperties: false,
};

export const packageManifestSchema: SchemaObject = {
  $id: 'https://stageflow.dev/schema/package-manifest.json',
  title: 'Stageflow process package manifest',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: PACKAGE_NAME_PATTERN, description: "The package's identity: lower-case letters, digits and -." },
    version: { type: 'string', minLength: 1, maxLength: 64, description: 'Semantic version (semver), without build metadata.' },
    description: { type: 'string', maxLength: 2000 },
    parameters: { type: 'object', description: 'A JSON Schema (draft 2020-12) of an object: the parameters with defaults and descriptions.' },
    recordTypes: {
      type: 'object',
      description: 'Record types whose records start a process of this package when created.',
      properties: { lead: recordTypeStart, opportunity: recordTypeStart, organization: recordTypeStart },
      additionalProperties: false,
    },
    resources: {
      type: 'array',
      description: 'Every file of the package except manifest.json, exactly once.',
      maxItems: packageLimits.maxFiles,
      items: { type: 'string', minLength: 1, maxLength: packageLimits.maxPathLength },
    },
  },
  required: ['name', 'version', 'resources'],
  additionalProperties: false,
};
