/** Bounds that keep process variables safe to store, copy and evaluate with FEEL. */
export const variableLimits = {
  /** Containers (objects, arrays) nested deeper than this are refused; the variables object is level 1. */
  maxDepth: 32,
  /** Longest key, in UTF-16 code units, at any depth. */
  maxKeyLength: 255,
  /** A validation stops after this many issues, so a hostile payload cannot make a huge error. */
  maxIssues: 100,
} as const;

/**
 * Keys refused at any depth: writing them through a naive merge or assignment reaches
 * `Object.prototype` (prototype pollution), and FEEL contexts and templates treat them specially.
 */
export const forbiddenVariableKeys: readonly string[] = ['__proto__', 'constructor', 'prototype'];
