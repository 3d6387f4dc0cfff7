// rjsf's validator for the custom-field form. The browser compiles no JSON Schema: ajv (and so
// @rjsf/validator-ajv8) generates code with `new Function`, which the engine's CSP (script-src
// 'self') refuses. The engine checks instead — the PATCH validates `custom` against the same schema
// with ajv — and its 400 reaches the form as `extraErrors`, by field.
// rjsf asks `isValid` only to choose among oneOf/anyOf/if branches and dependencies, which a
// custom-field schema cannot have (the engine refuses them at deploy, parseCustomFieldSchema).
import type { ValidatorType } from '@rjsf/utils';

export const engineCheckedValidator: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => true,
  rawValidation: () => ({ errors: [] }),
};
