// FEEL through feelin, compiled once per expression string.
//
// feelin's `evaluate(expression, context)` parses the expression on every call (~50-150 µs),
// too slow for a hot path. We parse each expression once, collect its free variable names
// and let feelin build `function(name1, name2, ...) (expression)` once: invoking that FEEL
// function value re-runs only the prebuilt execution tree (~1-2 µs). Expressions whose
// names we cannot pass as parameters (names with spaces that are not builtins) fall back
// to plain `evaluate` with the merged context: same result, just slower.
//
// `now()` and `today()` read the system clock in feelin; we shadow them with the command's
// `now` so that evaluation stays deterministic.
import { dateAndTime, evaluate, parseDate, parseExpression, type FeelFunction, type Warning } from 'feelin';

export interface FeelEnvironment {
  /** The instant of the command (ISO 8601); what `now()` and `today()` return. */
  now: string;
  /** Package parameters, visible as `params`. */
  params: Record<string, unknown>;
  /** The fields of the record the instance is about (its business key), read fresh for each command; visible as `record`. */
  record?: Record<string, unknown>;
}

/** Resolves a variable name in the current scope chain; `undefined` when it does not exist. */
export type VariableResolver = (name: string) => unknown;

export type FeelOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export type FeelParseResult = { ok: true; expression: CompiledFeel } | { ok: false; message: string };

export interface CompiledFeel {
  /** The expression without its leading `=`. */
  readonly source: string;
  /** Free variable names, in the order of the compiled function's parameters. */
  readonly names: readonly string[];
  /** The prebuilt FEEL function, or undefined when the slow path is used. */
  readonly fn: FeelFunction | undefined;
  /** The warnings array the prebuilt function reports into (reset before each call). */
  readonly warnings: Warning[] | undefined;
}

/** Warnings that mean "this null is the result of an error", not FEEL's ordinary null. */
const FAILURE_WARNINGS = new Set<string>(['INVALID_TYPE', 'INVALID_ARGUMENTS', 'NO_FUNCTION_FOUND', 'FUNCTION_INVOCATION_FAILURE', 'UNSUPPORTED']);

const parseCache = new Map<string, FeelParseResult>();
const builtinNames = new Map<string, boolean>();
const PARSE_CACHE_LIMIT = 10_000;

/** True for attribute values that are FEEL expressions (`= expr`); anything else is a literal. */
export function isFeelExpression(value: string): boolean {
  return value.trimStart().startsWith('=');
}

/** Strips the leading `=` of a FEEL attribute value. */
export function feelSource(value: string): string {
  const trimmed = value.trimStart();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

/** Parses (once) a FEEL expression, given with or without its leading `=`. */
export function parseFeel(value: string): FeelParseResult {
  const cached = parseCache.get(value);
  if (cached) return cached;
  const result = compile(feelSource(value));
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
  parseCache.set(value, result);
  return result;
}

function compile(source: string): FeelParseResult {
  if (source.trim() === '') return { ok: false, message: 'empty FEEL expression' };
  const names = new Set<string>();
  let syntaxError: string | undefined;
  try {
    const tree = parseExpression(source, {}, undefined);
    tree.iterate({
      enter(node) {
        if (node.type.isError && syntaxError === undefined) {
          const near = source.slice(node.from, Math.max(node.to, node.from + 10)).trim();
          syntaxError = `FEEL syntax error at position ${node.from}${near ? ` near '${near}'` : ''}`;
        }
        if (node.name === 'VariableName') names.add(source.slice(node.from, node.to).replace(/\s+/g, ' '));
        return undefined;
      },
    });
  } catch (error) {
    return { ok: false, message: `FEEL syntax error: ${errorMessage(error)}` };
  }
  if (syntaxError !== undefined) return { ok: false, message: syntaxError };

  const parameters: string[] = [];
  let fast = true;
  for (const name of names) {
    if (/\s/.test(name)) {
      if (!isBuiltin(name)) fast = false;
      continue;
    }
    parameters.push(name);
  }
  if (fast) {
    try {
      const wrapper = `function(${parameters.join(', ')}) (\n${source}\n)`;
      const built = evaluate(wrapper, {});
      const fn = built.value;
      if (isFeelFunction(fn)) {
        return { ok: true, expression: { source, names: parameters, fn, warnings: built.warnings } };
      }
    } catch {
      // fall through to the slow path; a real syntax error shows when it is evaluated
    }
  }
  // Make sure the slow path parses (evaluate throws on syntax errors it finds while building).
  try {
    evaluate(source, {});
  } catch (error) {
    if (isSyntaxError(error)) return { ok: false, message: `FEEL syntax error: ${errorMessage(error)}` };
  }
  return { ok: true, expression: { source, names: [...names], fn: undefined, warnings: undefined } };
}

function isBuiltin(name: string): boolean {
  let known = builtinNames.get(name);
  if (known === undefined) {
    try {
      // With the name in the context it parses as one name; an undefined entry falls back to the builtin.
      const value = evaluate(name, { [name]: undefined }).value;
      known = typeof value === 'function' || isFeelFunction(value);
    } catch {
      known = false;
    }
    builtinNames.set(name, known);
  }
  return known;
}

function isFeelFunction(value: unknown): value is FeelFunction {
  return typeof value === 'object' && value !== null && typeof (value as { fn?: unknown }).fn === 'function';
}

function isSyntaxError(error: unknown): boolean {
  return error instanceof Error && error.constructor.name === 'SyntaxError' && 'position' in error;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Evaluates a compiled expression; never throws. */
export function evaluateFeel(expression: CompiledFeel, resolve: VariableResolver, env: FeelEnvironment): FeelOutcome {
  try {
    let value: unknown;
    let warnings: readonly Warning[];
    if (expression.fn && expression.warnings) {
      const args = new Array<unknown>(expression.names.length);
      for (let i = 0; i < args.length; i++) args[i] = lookup(expression.names[i]!, resolve, env);
      expression.warnings.length = 0;
      value = expression.fn.fn(...args);
      warnings = expression.warnings;
    } else {
      const context: Record<string, unknown> = {};
      for (const name of expression.names) {
        const found = lookup(name, resolve, env);
        if (found !== undefined) context[name] = found;
      }
      const result = evaluate(expression.source, context);
      value = result.value;
      warnings = result.warnings;
    }
    if ((value === null || value === undefined) && warnings.some((w) => FAILURE_WARNINGS.has(w.type))) {
      return { ok: false, message: describeFailure(expression.source, warnings) };
    }
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, message: `failed to evaluate '${expression.source.trim()}': ${errorMessage(error)}` };
  }
}

/** The warnings of the last evaluation, for error messages (e.g. "Variable 'x' not found"). */
export function lastWarnings(expression: CompiledFeel): string[] {
  return expression.warnings ? expression.warnings.map((w) => w.message) : [];
}

function describeFailure(source: string, warnings: readonly Warning[]): string {
  return `failed to evaluate '${source.trim()}': ${warnings.map((w) => w.message).join('; ')}`;
}

function lookup(name: string, resolve: VariableResolver, env: FeelEnvironment): unknown {
  if (name === 'params') return env.params;
  if (name === 'record' && env.record !== undefined) return env.record;
  const value = resolve(name);
  if (value !== undefined) return value;
  if (name === 'now') return () => dateAndTime(env.now);
  if (name === 'today') return () => parseDate(env.now.slice(0, 10));
  return undefined;
}

/** Evaluates a FEEL attribute value (`= expr`) or returns the literal as it is. */
export function evaluateValue(value: string, resolve: VariableResolver, env: FeelEnvironment): FeelOutcome {
  if (!isFeelExpression(value)) return { ok: true, value };
  const parsed = parseFeel(value);
  if (!parsed.ok) return parsed;
  return evaluateFeel(parsed.expression, resolve, env);
}
