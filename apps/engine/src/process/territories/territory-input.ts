// Request bodies of /territories, checked field by field (400 naming the field). Whether the
// team, the owner and the actions rule sets exist is checked by the service, against the database.
import { Invalid } from '../../platform/errors/domain-errors.js';
import type { JsonObject } from '../../platform/http/input.js';

/** `null` clears an optional reference (PATCH); `undefined` leaves it as it is. */
export interface TerritoryFields {
  name?: string;
  team?: string | null;
  defaultOwner?: string | null;
  actions?: string[];
}

export interface NewTerritory extends TerritoryFields {
  key: string;
  name: string;
}

const KNOWN = new Set(['key', 'name', 'team', 'defaultOwner', 'actions']);
const RULE_SET_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const MAX_ACTIONS = 50;

/**
 * A territory key is exactly what a territory rule set's result gives as `territory` (e.g.
 * "DACH Enterprise"): 1 to 255 characters, no surrounding spaces (they would never match).
 */
export function territoryKey(value: unknown, path = 'key'): string {
  if (typeof value !== 'string' || value === '') throw Invalid.field(path, 'is required and must be a non-empty string');
  if (value.length > 255) throw Invalid.field(path, 'must be at most 255 characters');
  if (value.trim() !== value) throw Invalid.field(path, 'must not start or end with spaces');
  return value;
}

function text(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw Invalid.field(path, 'must be a non-empty string');
  if (value.length > max) throw Invalid.field(path, `must be at most ${max} characters`);
  return value.trim();
}

function reference(input: JsonObject, field: 'team' | 'defaultOwner'): string | null | undefined {
  const value = input[field];
  if (value === undefined || value === null) return value;
  return text(value, field, 200);
}

function actions(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw Invalid.field('actions', 'must be an array of actions rule-set keys');
  if (value.length > MAX_ACTIONS) throw Invalid.field('actions', `must have at most ${MAX_ACTIONS} keys`);
  return value.map((item, index) => {
    if (typeof item !== 'string' || !RULE_SET_KEY.test(item)) throw Invalid.field(`actions[${index}]`, 'must be a rule-set key (letters, digits, _ . -)');
    if (value.indexOf(item) !== index) throw Invalid.field(`actions[${index}]`, `repeats "${item}"`);
    return item;
  });
}

function unknownFields(input: JsonObject, allowed: ReadonlySet<string>): void {
  const unknown = Object.keys(input).find((key) => !allowed.has(key));
  if (unknown !== undefined) throw Invalid.field(unknown, 'is not a field of a territory (key, name, team, defaultOwner, actions)');
}

export function newTerritory(input: JsonObject): NewTerritory {
  unknownFields(input, KNOWN);
  const territory: NewTerritory = { key: territoryKey(input.key), name: text(input.name, 'name', 255) };
  const team = reference(input, 'team');
  const owner = reference(input, 'defaultOwner');
  const keys = actions(input.actions);
  if (team !== undefined) territory.team = team;
  if (owner !== undefined) territory.defaultOwner = owner;
  if (keys !== undefined) territory.actions = keys;
  return territory;
}

/** PATCH: any of name, team, defaultOwner, actions; the key cannot change (rule sets name it). */
export function territoryChanges(input: JsonObject): TerritoryFields {
  if ('key' in input) throw Invalid.field('key', 'cannot be changed: territory rule sets name the territory by it (create a new territory)');
  unknownFields(input, KNOWN);
  const changes: TerritoryFields = {};
  if (input.name !== undefined) changes.name = text(input.name, 'name', 255);
  const team = reference(input, 'team');
  const owner = reference(input, 'defaultOwner');
  const keys = actions(input.actions);
  if (team !== undefined) changes.team = team;
  if (owner !== undefined) changes.defaultOwner = owner;
  if (keys !== undefined) changes.actions = keys;
  if (Object.keys(changes).length === 0) throw Invalid.field('body', 'must change at least one of name, team, defaultOwner, actions');
  return changes;
}
