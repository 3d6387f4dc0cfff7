// rjsf's validator for engine-checked forms (task forms, a record's custom fields). The browser
// compiles no JSON Schema: ajv (and so @rjsf/validator-ajv8) generates code with `new Function`,
// which the engine's CSP (script-src 'self') refuses. The engine checks instead (POST
// /forms/{key}/validate as the seller types, POST /tasks/{id}/complete on submit) and its issues
// reach rjsf as `extraErrors`. rjsf still asks `isValid` to pick the matching branch of a
// oneOf/anyOf: a shape match answers that.
import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';

type Json = unknown;

function typeMatches(type: unknown, value: Json): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((name) => {
    switch (name) {
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
      case 'string':
      case 'boolean':
        return typeof value === name;
      default:
        return true;
    }
  });
}

/** Whether `value` has the shape `schema` names: its type, const, enum, required properties and theirs. */
export function matchesShape(schema: RJSFSchema | boolean, value: Json): boolean {
  if (typeof schema === 'boolean') return schema;
  if (value === undefined) return true;
  if (schema.type !== undefined && !typeMatches(schema.type, value)) return false;
  if (schema.const !== undefined && schema.const !== value) return false;
  if (schema.enum !== undefined && !schema.enum.includes(value as never)) return false;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, Json>;
    if (schema.required?.some((name) => record[name] === undefined)) return false;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!matchesShape(property as RJSFSchema | boolean, record[name])) return false;
    }
  }
  return true;
}

export const engineValidator: ValidatorType = {
  validateFormData(): ValidationData<unknown> {
    return { errors: [], errorSchema: {} };
  },
  isValid(schema, formData) {
    return matchesShape(schema, formData);
  },
  rawValidation() {
    return { errors: [] };
  },
};
