// Custom fields of a CRM record type, declared as JSON Schema in a deployable `<type>.fields.json`
// (`organization.fields.json`): an object whose properties have simple types — text (with enum or
// titled choices, length, pattern, format), number, integer, boolean, or a list of those — so that a form can
// draw them and a list can filter and sort them (`custom.<field>`). Checked at deploy with every
// problem named by its JSON path; compiled with ajv to check the `custom` object of every write.
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import { checkSafeRegex } from '../rule-sets/safe-regex.js';
import { compileDeployedSchema, deployedSchemaFormats } from '../validation/deployed-schema-compiler.js';
import { validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { readJsonResource } from '../validation/read-json-resource.js';

/** The limits of one custom-field schema. */
export const customFieldLimits = {
  /** The resource's text, in characters. */
  maxResourceLength: 65_536,
  maxProperties: 100,
  maxEnumValues: 200,
  maxTextLength: 10_000,
  maxItems: 100,
  maxLabelLength: 200,
  maxDescriptionLength: 2_000,
};

/** The record types a `<type>.fields.json` may be for (the CRM's record types). */
export const customFieldRecordTypes = ['organization', 'contact', 'lead', 'opportunity', 'activity'] as const;

/** A field name: usable as `custom.<name>` in list filters and sorts. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const FORMATS = deployedSchemaFormats;
const SCALAR_TYPES = ['string', 'number', 'integer', 'boolean'] as const;

/**
 * One of a field's titled choices: JSON Schema's way to give an enum value display words
 * (`"oneOf": [{ "const": "product-fit", "title": "Product fit" }, …]`), which forms draw as a select.
 */
export interface CustomFieldChoice {
  const: string | number;
  title: string;
}

/** One custom field as the schema declares it (a JSON Schema subset). */
export interface CustomFieldProperty {
  type: (typeof SCALAR_TYPES)[number] | 'array';
  title?: string;
  description?: string;
  enum?: (string | number)[];
  /** Titled choices, instead of `enum`. */
  oneOf?: CustomFieldChoice[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: (typeof FORMATS)[number];
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  items?: CustomFieldProperty;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** The document of a `<type>.fields.json` resource. */
export interface CustomFieldSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type: 'object';
  properties: Record<string, CustomFieldProperty>;
  required?: string[];
  additionalProperties?: false;
}

export type CustomFieldSchemaParse = { ok: true; schema: CustomFieldSchema } | { ok: false; problems: ValidationIssue[] };

const KEYWORDS_BY_TYPE: Record<CustomFieldProperty['type'], readonly string[]> = {
  string: ['enum', 'oneOf', 'minLength', 'maxLength', 'pattern', 'format'],
  number: ['enum', 'oneOf', 'minimum', 'maximum', 'multipleOf'],
  integer: ['enum', 'oneOf', 'minimum', 'maximum', 'multipleOf'],
  boolean: [],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems'],
};

const RECORD_TYPE_SUFFIX = '.fields.json';

/** The record type a `.fields.json` resource is for: its file name without folders and `.fields.json` (`crm/lead.fields.json` -> `lead`). */
export function customFieldsKey(resourceName: string): string {
  const base = resourceName.slice(resourceName.lastIndexOf('/') + 1);
  return base.slice(0, base.length - RECORD_TYPE_SUFFIX.length);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkText(value: unknown, path: string, max: number, problems: ValidationIssue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string') problems.push({ path, message: 'must be a string' });
  else if (value.length > max) problems.push({ path, message: `must be at most ${max} characters long` });
}

function checkCount(value: unknown, path: string, max: number, problems: ValidationIssue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) problems.push({ path, message: 'must be a non-negative integer' });
  else if (value > max) problems.push({ path, message: `must be at most ${max}` });
}

/** Whether `item` is a value a field of `type` may offer (a text no longer than a label). */
function isChoiceValue(item: unknown, type: CustomFieldProperty['type']): boolean {
  return (
    typeof item === (type === 'string' ? 'string' : 'number') &&
    (type !== 'integer' || Number.isInteger(item)) &&
    (typeof item !== 'string' || item.length <= customFieldLimits.maxLabelLength)
  );
}

/** The value of one titled choice (`{ "const": …, "title": … }`), its shape problems pushed; undefined when it has none. */
function choiceValue(item: unknown, path: string, problems: ValidationIssue[]): unknown {
  if (!isObject(item)) {
    problems.push({ path, message: 'must be an object { "const": value, "title": words }' });
    return undefined;
  }
  for (const key of Object.keys(item)) if (key !== 'const' && key !== 'title') problems.push({ path: `${path}.${key}`, message: 'is not allowed in a choice' });
  if (typeof item.title !== 'string' || item.title.trim() === '')
    problems.push({ path: `${path}.title`, message: 'is required: the words shown for the value (plain enum lists values without words)' });
  else checkText(item.title, `${path}.title`, customFieldLimits.maxLabelLength, problems);
  if (!Object.hasOwn(item, 'const')) problems.push({ path: `${path}.const`, message: 'is required: the value stored' });
  return item.const;
}

/**
 * Checks a field's values — plain (`enum`) or titled choices (`oneOf`): a non-empty, bounded list
 * of values of the field's type, none twice.
 */
function checkChoices(list: unknown, path: string, type: CustomFieldProperty['type'], titled: boolean, problems: ValidationIssue[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({ path, message: 'must be a non-empty array' });
    return;
  }
  if (list.length > customFieldLimits.maxEnumValues) {
    problems.push({ path, message: `must have at most ${customFieldLimits.maxEnumValues} items` });
    return;
  }
  const values: string[] = [];
  list.forEach((item: unknown, index) => {
    const value = titled ? choiceValue(item, `${path}[${index}]`, problems) : item;
    if (value === undefined) return;
    if (!isChoiceValue(value, type))
      problems.push({
        path: titled ? `${path}[${index}].const` : `${path}[${index}]`,
        message: `must be ${type === 'string' ? `a string of at most ${customFieldLimits.maxLabelLength} characters` : type === 'integer' ? 'an integer' : 'a number'}`,
      });
    values.push(JSON.stringify(value));
  });
  if (new Set(values).size !== values.length) problems.push({ path, message: 'must not repeat a value' });
}

/** A field's values, plain (`enum`) or titled (`oneOf`), never both. */
function checkValues(field: Record<string, unknown>, path: string, type: CustomFieldProperty['type'], problems: ValidationIssue[]): void {
  // A type without values (boolean, array) already has both keywords refused as not allowed.
  if (!KEYWORDS_BY_TYPE[type].includes('enum')) return;
  if (field.enum !== undefined && field.oneOf !== undefined)
    problems.push({ path: `${path}.oneOf`, message: 'must not be given with enum: list the values either in enum or as titled choices in oneOf' });
  else if (field.enum !== undefined) checkChoices(field.enum, `${path}.enum`, type, false, problems);
  else if (field.oneOf !== undefined) checkChoices(field.oneOf, `${path}.oneOf`, type, true, problems);
}

function checkProperty(value: unknown, path: string, problems: ValidationIssue[], inArray: boolean): void {
  if (!isObject(value)) {
    problems.push({ path, message: 'must be an object (a JSON Schema with a type)' });
    return;
  }
  const types = inArray ? SCALAR_TYPES : [...SCALAR_TYPES, 'array'];
  const type = value.type as CustomFieldProperty['type'];
  if (!(types as readonly unknown[]).includes(type)) {
    problems.push({ path: `${path}.type`, message: `must be one of ${types.map((name) => `"${name}"`).join(', ')}` });
    return;
  }
  const allowed = new Set(['type', 'title', 'description', ...KEYWORDS_BY_TYPE[type]]);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) problems.push({ path: `${path}.${key}`, message: `is not allowed for a field of type ${type}` });
  }
  checkText(value.title, `${path}.title`, customFieldLimits.maxLabelLength, problems);
  checkText(value.description, `${path}.description`, customFieldLimits.maxDescriptionLength, problems);
  checkValues(value, path, type, problems);
  checkCount(value.minLength, `${path}.minLength`, customFieldLimits.maxTextLength, problems);
  checkCount(value.maxLength, `${path}.maxLength`, customFieldLimits.maxTextLength, problems);
  checkCount(value.minItems, `${path}.minItems`, customFieldLimits.maxItems, problems);
  checkCount(value.maxItems, `${path}.maxItems`, customFieldLimits.maxItems, problems);
  for (const key of ['minimum', 'maximum', 'multipleOf'] as const) {
    const limit = value[key];
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isFinite(limit) || (key === 'multipleOf' && limit <= 0)))
      problems.push({ path: `${path}.${key}`, message: key === 'multipleOf' ? 'must be a positive number' : 'must be a number' });
  }
  if (value.uniqueItems !== undefined && typeof value.uniqueItems !== 'boolean') problems.push({ path: `${path}.uniqueItems`, message: 'must be a boolean' });
  if (value.pattern !== undefined) {
    const problem = typeof value.pattern === 'string' ? checkSafeRegex(value.pattern) : 'must be a string';
    if (problem !== undefined) problems.push({ path: `${path}.pattern`, message: problem });
  }
  if (value.format !== undefined && !(FORMATS as readonly unknown[]).includes(value.format))
    problems.push({ path: `${path}.format`, message: `must be one of ${FORMATS.map((name) => `"${name}"`).join(', ')}` });
  if (type === 'array') {
    if (value.items === undefined) problems.push({ path: `${path}.items`, message: 'is required: the type of the list items' });
    else checkProperty(value.items, `${path}.items`, problems, true);
  }
}

/** Every problem of a custom-field schema document; `[]` when it is one the engine accepts. */
export function validateCustomFieldSchema(value: unknown): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  if (!isObject(value)) return [{ path: '', message: 'must be a JSON Schema object' }];
  const allowed = new Set(['$schema', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties']);
  for (const key of Object.keys(value)) if (!allowed.has(key)) problems.push({ path: key, message: 'is not allowed' });
  if (value.$schema !== undefined && typeof value.$schema !== 'string') problems.push({ path: '$schema', message: 'must be a string' });
  checkText(value.title, 'title', customFieldLimits.maxLabelLength, problems);
  checkText(value.description, 'description', customFieldLimits.maxDescriptionLength, problems);
  if (value.type !== 'object') problems.push({ path: 'type', message: 'must be "object": custom fields are the properties of one object' });
  if (value.additionalProperties !== undefined && value.additionalProperties !== false)
    problems.push({ path: 'additionalProperties', message: 'must be false or absent: only declared fields are stored' });
  const properties = value.properties;
  if (!isObject(properties)) {
    problems.push({ path: 'properties', message: 'is required: an object of the fields by name' });
    return problems;
  }
  const names = Object.keys(properties);
  if (names.length > customFieldLimits.maxProperties)
    problems.push({ path: 'properties', message: `must have at most ${customFieldLimits.maxProperties} fields` });
  for (const name of names) {
    if (!FIELD_NAME.test(name)) {
      problems.push({ path: `properties.${name}`, message: 'name must start with a letter and hold only letters, digits and _ (at most 63 characters)' });
      continue;
    }
    checkProperty(properties[name], `properties.${name}`, problems, false);
  }
  if (value.required !== undefined) {
    if (!Array.isArray(value.required)) problems.push({ path: 'required', message: 'must be an array of field names' });
    else
      value.required.forEach((name: unknown, index) => {
        if (typeof name !== 'string' || !names.includes(name))
          problems.push({ path: `required[${index}]`, message: `must name a field of properties (${JSON.stringify(name)} is none)` });
      });
  }
  return problems.slice(0, 100);
}

/** Parses the text of a `.fields.json` resource and checks it. */
export function parseCustomFieldSchema(text: string): CustomFieldSchemaParse {
  const read = readJsonResource(text, customFieldLimits.maxResourceLength);
  if (!read.ok) return read;
  const value = read.value;
  const problems = validateCustomFieldSchema(value);
  if (problems.length > 0) return { ok: false, problems };
  try {
    compileCustomFieldSchema(value as CustomFieldSchema);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `is not a valid JSON Schema (${error instanceof Error ? error.message : String(error)})` }] };
  }
  return { ok: true, schema: value as CustomFieldSchema };
}

/** The problems as the `details` of a refused deployment, for the resource named `resource`. */
export function customFieldsDeploymentProblems(resource: string, problems: readonly ValidationIssue[]): DeploymentProblem[] {
  return problems.map(({ path, message }) => ({ resource, path, message: path === '' ? `the custom-field schema ${message}` : `${path} ${message}` }));
}

/**
 * A field as the write check sees it: titled choices become the `enum` of their values. The same
 * values pass and fail, but ajv then says `must be one of "price", "speed"` once for the field
 * instead of `must be "price"` per choice plus `must match exactly one schema in oneOf`.
 */
function checkedProperty(property: CustomFieldProperty): CustomFieldProperty {
  const { oneOf, items, ...rest } = property;
  return {
    ...rest,
    ...(oneOf !== undefined && { enum: oneOf.map((choice) => choice.const) }),
    ...(items !== undefined && { items: checkedProperty(items) }),
  };
}

/**
 * Compiles a checked schema; the check it returns lists every issue of a record's `custom` object
 * with its path (`custom.segment must be one of "smb", "enterprise"`), `[]` when it is valid. Only
 * declared fields are accepted (additionalProperties is false whatever the document says).
 */
export function compileCustomFieldSchema(schema: CustomFieldSchema): (custom: unknown) => ValidationIssue[] {
  const { $schema: _ignored, properties, ...rest } = schema;
  const checked = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, checkedProperty(property)]));
  const validator = compileDeployedSchema({ ...rest, properties: checked, additionalProperties: false });
  return (custom) => validateWith(validator, custom, 'custom');
}
