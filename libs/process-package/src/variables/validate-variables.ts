import { appendIndex, appendKey } from '../validation/issue-path.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { forbiddenVariableKeys, variableLimits } from './variable-limits.js';

/**
 * Checks that `value` can be a process instance's variables: a JSON object (not an array, null
 * or a primitive) whose values are JSON only (no undefined, functions, symbols, bigints, class
 * instances, NaN or Infinity), with no `__proto__`, `constructor` or `prototype` key at any
 * depth, nested at most `variableLimits.maxDepth` levels and keys at most
 * `variableLimits.maxKeyLength` long. Top-level variable names must not be empty.
 *
 * Returns every issue (up to `variableLimits.maxIssues`), each with the path of the offending
 * value under `path`, e.g. `variables.customer.__proto__`; an empty list means valid.
 * Keys are read as own enumerable properties, so the own `__proto__` property that
 * `JSON.parse('{"__proto__":{}}')` creates is found.
 */
export function validateVariables(value: unknown, path = 'variables'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(value)) {
    issues.push({ path, message: `must be a JSON object, not ${describe(value)}` });
    return issues;
  }
  checkObject(value, path, 1, issues, true);
  return issues;
}

function checkValue(value: unknown, path: string, depth: number, issues: ValidationIssue[]): void {
  if (issues.length >= variableLimits.maxIssues) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) report(issues, path, `must be a finite number, not ${String(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    if (depth > variableLimits.maxDepth) {
      report(issues, path, `must not nest deeper than ${variableLimits.maxDepth} levels`);
      return;
    }
    checkSymbols(value, path, issues);
    // Index loop, not forEach: holes of a sparse array are visited (and refused as undefined).
    for (let index = 0; index < value.length; index++) {
      checkValue(value[index], appendIndex(path, index), depth + 1, issues);
    }
    return;
  }
  if (isPlainObject(value)) {
    if (depth > variableLimits.maxDepth) {
      report(issues, path, `must not nest deeper than ${variableLimits.maxDepth} levels`);
      return;
    }
    checkObject(value, path, depth, issues, false);
    return;
  }
  report(issues, path, `must be a JSON value (string, number, boolean, null, array or object), not ${describe(value)}`);
}

function checkObject(value: Record<string, unknown>, path: string, depth: number, issues: ValidationIssue[], topLevel: boolean): void {
  checkSymbols(value, path, issues);
  for (const key of Object.keys(value)) {
    if (issues.length >= variableLimits.maxIssues) return;
    const keyPath = appendKey(path, key);
    if (forbiddenVariableKeys.includes(key)) {
      report(issues, keyPath, `"${key}" is not allowed as a key`);
      continue;
    }
    if (key.length > variableLimits.maxKeyLength) {
      report(issues, keyPath, `key must be at most ${variableLimits.maxKeyLength} characters long`);
      continue;
    }
    if (topLevel && key === '') {
      report(issues, keyPath, 'variable name must not be empty');
      continue;
    }
    checkValue(value[key], keyPath, depth + 1, issues);
  }
}

function checkSymbols(value: object, path: string, issues: ValidationIssue[]): void {
  if (Object.getOwnPropertySymbols(value).some((symbol) => Object.prototype.propertyIsEnumerable.call(value, symbol))) {
    report(issues, path, 'must not have symbol keys');
  }
}

function report(issues: ValidationIssue[], path: string, message: string): void {
  if (issues.length < variableLimits.maxIssues) issues.push({ path, message });
}

/** An object literal, `JSON.parse` output or `Object.create(null)`: not an array, Date, Map or class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object';
  }
  if (typeof value === 'undefined') return 'undefined';
  return `a ${typeof value}`;
}
