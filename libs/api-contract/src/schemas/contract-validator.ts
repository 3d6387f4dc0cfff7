// Checks a value against a named schema of the contract: for the contract's own specs (typed
// examples), the API tests (real answers of the engine) and a client that wants to be sure.
// Its own ajv instance, which knows every schema of the table by `$id`; each schema is
// compiled on first use.
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import { Ajv, type ValidateFunction } from 'ajv';
import { apiContractSchemas, type ApiContractSchemaName } from '../api-contract-schemas.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

let ajv: Ajv | undefined;
const validators = new Map<ApiContractSchemaName, ValidateFunction>();

function contractAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({
    allErrors: true,
    strict: true,
    // `type: ['string', 'null']` is how the contract says nullable.
    allowUnionTypes: true,
    formats: { uuid: uuidPattern, 'date-time': dateTimePattern, binary: true },
  });
  for (const schema of Object.values(apiContractSchemas)) ajv.addSchema(schema);
  return ajv;
}

function validatorOf(name: ApiContractSchemaName): ValidateFunction {
  let validator = validators.get(name);
  if (!validator) {
    const { $id } = apiContractSchemas[name] as { $id?: string };
    validator = $id === undefined ? contractAjv().compile(apiContractSchemas[name]) : contractAjv().getSchema($id);
    if (!validator) throw new Error(`no schema ${name}`);
    validators.set(name, validator);
  }
  return validator;
}

/** The problems of `value` as a `name` of the contract (`[]` when it is one), with readable paths. */
export function contractIssues(name: ApiContractSchemaName, value: unknown): ValidationIssue[] {
  return validateWith(validatorOf(name), value);
}
