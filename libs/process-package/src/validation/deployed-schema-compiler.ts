// The ajv instance for JSON Schemas that come with a deployment (custom fields, task forms,
// package parameters), apart from the lib's own schemas: they are compiled at run time, from
// documents an analyst wrote. Strict, so a typo in a keyword is refused at deploy instead of
// silently accepting anything; the formats a form or a field may use are defined here (no
// ajv-formats: four formats do not need a dependency); `live` marks a package parameter that
// running instances see change (docs/packages.md) and validates nothing.
import type { SchemaObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

// JSON Schema draft 2020-12, the draft the package format names.
const ajv = new Ajv2020({ allErrors: true, strict: true, useDefaults: false, coerceTypes: false, removeAdditional: false });

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
ajv.addFormat('date', { type: 'string', validate: (text) => DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) });
ajv.addFormat('date-time', {
  type: 'string',
  validate: (text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)),
});
ajv.addFormat('email', { type: 'string', validate: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ });
ajv.addFormat('uri', {
  type: 'string',
  validate: (text) => {
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(text) && new URL(text).href.length > 0;
    } catch {
      return false;
    }
  },
});
ajv.addKeyword({ keyword: 'live', schemaType: 'boolean' });

/** The formats a deployed schema may use. */
export const deployedSchemaFormats = ['date', 'date-time', 'email', 'uri'] as const;

/** Compiles a deployed schema; throws (with ajv's reason) when it is not a valid JSON Schema. */
export function compileDeployedSchema(schema: SchemaObject): ValidateFunction {
  return ajv.compile(schema);
}

/** Why `schema` is not a JSON Schema this lib compiles (ajv's message), or undefined. */
export function deployedSchemaProblem(schema: SchemaObject): string | undefined {
  try {
    compileDeployedSchema(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
