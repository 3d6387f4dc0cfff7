// Checks every deployed JSON Schema document gets before ajv compiles it (task forms, package
// parameters): nesting depth (ajv compiles recursively; a deep document is a denial of service,
// not a form), safe `pattern` regular expressions (the engine runs them on user input: no
// catastrophic backtracking), and a readable path for each problem.
import { checkSafeRegex } from '../rule-sets/safe-regex.js';
import { appendIndex, appendKey } from './issue-path.js';
import type { ValidationIssue } from './validation-issue.js';

/** Nesting levels a deployed schema document may have (objects and arrays). */
export const maxSchemaDepth = 12;

/** Problems of nesting and of `pattern` keywords anywhere in `document`, below `root`. */
export function schemaDocumentIssues(document: unknown, root = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  walk(document, root, 0, issues);
  return issues;
}

function walk(value: unknown, path: string, depth: number, issues: ValidationIssue[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth >= maxSchemaDepth) {
    issues.push({ path, message: `is nested too deeply (at most ${maxSchemaDepth} levels)` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, appendIndex(path, index), depth + 1, issues));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = appendKey(path, key);
    if (key === 'pattern' && typeof item === 'string') {
      const unsafe = checkSafeRegex(item);
      if (unsafe !== undefined) issues.push({ path: at, message: unsafe });
    }
    walk(item, at, depth + 1, issues);
  }
}
