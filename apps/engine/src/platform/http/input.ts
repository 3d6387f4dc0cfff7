// Hand-written validation of request bodies and query strings: each failure is a 400 naming
import { Invalid } from '../errors/domain-errors.js';
// the field, so bad input never reaches the database or the interpreter.
import type { JsonValue, Variables } from '@stageflow/bpmn-runtime';

export type JsonObject = { [key: string]: unknown };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function bodyObject(body: unknown): JsonObject {
  if (body === undefined || body === null) return {};
  if (!isPlainObject(body)) throw Invalid.field('body', 'must be a JSON object');
  return body;
}

export function requiredString(source: JsonObject, key: string, path = key, maxLength = 1000): string {
  const value = source[key];
  if (typeof value !== 'string' || value.length === 0) throw Invalid.field(path, 'is required and must be a non-empty string');
  if (value.length > maxLength) throw Invalid.field(path, `must be at most ${maxLength} characters`);
  return value;
}

export function optionalString(source: JsonObject, key: string, path = key, maxLength = 1000): string | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw Invalid.field(path, 'must be a string');
  if (value.length > maxLength) throw Invalid.field(path, `must be at most ${maxLength} characters`);
  return value;
}

export function optionalStringArray(source: JsonObject, key: string, path = key): string[] | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length === 0 || item.length > 200)) {
    throw Invalid.field(path, 'must be an array of non-empty strings');
  }
  return value as string[];
}

function checkJson(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw Invalid.field(path, `is nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw Invalid.field(path, 'must be a finite number');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJson(item, `${path}[${index}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw Invalid.field(`${path}.${key}`, `the key "${key}" is not allowed`);
      checkJson(value[key], `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw Invalid.field(path, 'must be JSON');
}

/** Process variables: a JSON object without prototype-polluting keys at any depth. */
export function optionalVariables(source: JsonObject, key = 'variables'): Variables | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw Invalid.field(key, 'must be a JSON object');
  checkJson(value, key, 0);
  return value as { [name: string]: JsonValue };
}

export interface Paging {
  offset: number;
  limit: number;
}

function queryInt(query: JsonObject, key: string, min: number, max: number): number | undefined {
  const raw = query[key];
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw Invalid.field(key, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** `?page=&pageSize=` (1-based) or `?offset=&limit=`; at most 500 rows a page. */
export function parsePaging(query: JsonObject): Paging {
  const pageSize = queryInt(query, 'pageSize', 1, 500);
  const page = queryInt(query, 'page', 1, 1_000_000);
  const limit = queryInt(query, 'limit', 1, 500) ?? pageSize ?? 50;
  const offset = queryInt(query, 'offset', 0, 100_000_000) ?? ((page ?? 1) - 1) * limit;
  return { offset, limit };
}

export function queryString(query: JsonObject, key: string): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw Invalid.field(key, 'must be given once, as a string');
  return value;
}

export function queryEnum<T extends string>(query: JsonObject, key: string, allowed: readonly T[]): T | undefined {
  const value = queryString(query, key);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw Invalid.field(key, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}
