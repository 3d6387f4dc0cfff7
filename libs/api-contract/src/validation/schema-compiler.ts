// The one ajv instance of this lib. Schemas are compiled once, when the module declaring them
// is first imported, never per call.
import { Ajv, type JSONSchemaType, type ValidateFunction } from 'ajv';

const ajv = new Ajv({
  // Report every problem of a body at once, not only the first.
  allErrors: true,
  // Refuse schemas with unknown keywords or ambiguous types: a typo in a schema is a bug.
  strict: true,
  // Validation never changes the body: no defaults, coercion or removal.
  useDefaults: false,
  coerceTypes: false,
  removeAdditional: false,
});

/** Compiles `schema` on the shared ajv instance; returns a type guard for `T`. */
export function compileSchema<T>(schema: JSONSchemaType<T>): ValidateFunction<T> {
  return ajv.compile(schema);
}
