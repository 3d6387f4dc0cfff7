// Task forms (`<key>.form.json`, issue 12): a JSON Schema (draft 2020-12) of the object a user
// task's completion variables make up. The web app draws one input per property (its `title` as
// the label, `description` as help); the engine checks a completion of a task with that form
// against it (`stageflow:formKey="<key>"`). Checked at deploy with every problem named by its
// JSON path; compiled with the lib's ajv for deployed schemas.
import type { SchemaObject } from 'ajv';
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import { compileDeployedSchema, deployedSchemaProblem } from '../validation/deployed-schema-compiler.js';
import { appendKey } from '../validation/issue-path.js';
import { schemaDocumentIssues } from '../validation/schema-document.js';
import { maxValidationIssues, validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { readJsonResource } from '../validation/read-json-resource.js';

/** The limits of one task form. */
export const taskFormLimits = {
  /** The resource's text, in characters. */
  maxResourceLength: 65_536,
  /** Fields of one form. */
  maxFields: 100,
};

/** A field name: a process variable the completion sets. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** The document of a `.form.json` resource: a JSON Schema of an object (other keywords as JSON Schema allows). */
export interface TaskFormSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type: 'object';
  properties: Record<string, SchemaObject>;
  required?: string[];
  [keyword: string]: unknown;
}

export type TaskFormParse = { ok: true; form: TaskFormSchema } | { ok: false; problems: ValidationIssue[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of a task form document; `[]` when the engine accepts it. */
export function validateTaskForm(value: unknown): ValidationIssue[] {
  if (!isObject(value)) return [{ path: '', message: 'must be a JSON Schema object' }];
  const problems: ValidationIssue[] = [];
  if (value.type !== 'object') problems.push({ path: 'type', message: 'must be "object": a form is the object of the variables its task completes with' });
  for (const key of ['title', 'description', '$schema'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') problems.push({ path: key, message: 'must be a string' });
  }
  const properties = value.properties;
  if (!isObject(properties) || Object.keys(properties).length === 0) {
    problems.push({ path: 'properties', message: 'is required: an object of the fields by name, at least one' });
    return problems;
  }
  const names = Object.keys(properties);
  if (names.length > taskFormLimits.maxFields) problems.push({ path: 'properties', message: `must have at most ${taskFormLimits.maxFields} fields` });
  for (const name of names) {
    const path = appendKey('properties', name);
    if (!FIELD_NAME.test(name)) problems.push({ path, message: 'name must start with a letter and hold only letters, digits and _ (at most 63 characters)' });
    else if (!isObject(properties[name])) problems.push({ path, message: 'must be an object (the JSON Schema of the field)' });
  }
  if (value.required !== undefined) {
    if (!Array.isArray(value.required)) problems.push({ path: 'required', message: 'must be an array of field names' });
    else
      value.required.forEach((name: unknown, index) => {
        if (typeof name !== 'string' || !names.includes(name))
          problems.push({ path: `required[${index}]`, message: `must name a field of properties (${JSON.stringify(name)} is none)` });
      });
  }
  problems.push(...schemaDocumentIssues(value));
  if (problems.length === 0) {
    const problem = deployedSchemaProblem(withoutMetaSchema(value));
    if (problem !== undefined) problems.push({ path: '', message: `is not a valid JSON Schema (${problem})` });
  }
  return problems.slice(0, maxValidationIssues);
}

/** Parses the text of a `.form.json` resource and checks it. */
export function parseTaskForm(text: string): TaskFormParse {
  const read = readJsonResource(text, taskFormLimits.maxResourceLength);
  if (!read.ok) return read;
  const value = read.value;
  const problems = validateTaskForm(value);
  return problems.length === 0 ? { ok: true, form: value as TaskFormSchema } : { ok: false, problems };
}

/**
 * Compiles a checked form; the check it returns lists every issue of a task completion's
 * variables with its path below `root` (`variables.amount must be >= 0`), `[]` when they are valid.
 */
export function compileTaskForm(form: TaskFormSchema, root = 'variables'): (variables: unknown) => ValidationIssue[] {
  const validator = compileDeployedSchema(withoutMetaSchema(form));
  return (variables) => validateWith(validator, variables, root);
}

/** The problems as the `details` of a refused deployment, for the resource named `resource`. */
export function taskFormDeploymentProblems(resource: string, problems: readonly ValidationIssue[]): DeploymentProblem[] {
  return problems.map(({ path, message }) => ({ resource, path, message: path === '' ? `the form ${message}` : `${path} ${message}` }));
}

// The draft is this lib's (2020-12), whatever `$schema` says: the document names it for editors.
function withoutMetaSchema(value: Record<string, unknown>): SchemaObject {
  const { $schema: _ignored, ...rest } = value;
  return rest;
}
